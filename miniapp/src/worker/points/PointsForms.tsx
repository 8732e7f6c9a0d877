import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { PointsView } from '@yilin/contract'
import { adjustPoints, grantPoints } from '../../api/wishes'
import { fieldErrorsOf, type FieldErrors } from '../../api/client'
import { Choices } from '../../components/Choices'
import { FieldError } from '../../components/FieldError'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { inputName } from '../../lib/a11y'
import { newIdempotencyKey } from '../../lib/canteen'
import { useAction } from '../../shared/useAction'

interface Props {
  holder: PointsView
  /** The holder's points as they are now, and what to tell the worker. */
  onSaved: (points: PointsView, message: string) => void
  onCancel: () => void
}

const wholeOf = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null)

/** A form's send: one at a time, the server's field problems shown at their fields. */
function useSend() {
  const [fields, setFields] = useState<FieldErrors>({})
  const action = useAction()
  const send = (write: () => Promise<void>) =>
    action.run(async () => {
      setFields({})
      try {
        await write()
      } catch (err) {
        setFields(fieldErrorsOf(err))
        throw err
      }
    })
  return { ...action, fields, send }
}

function PointsInput({ value, onInput, testId }: { value: string; onInput: (value: string) => void; testId: string }) {
  return <Input className='input' type='number' {...inputName('积分')} value={value} maxlength={5} data-testid={testId} onInput={(e) => onInput(e.detail.value)} />
}

const MAX_HOURS = 24

/** Hours are a volunteer's service, or an elder's part in the community's activities (how elders earn points). */
export const grantWords: Record<PointsView['kind'], { what: string; question: string; missing: string }> = {
  volunteer: { what: '服务', question: '做了什么服务', missing: '请写做了什么服务，例如 重阳节敬老活动。' },
  elder: { what: '参加活动', question: '参加了什么活动', missing: '请写参加了什么活动，例如 重阳节敬老活动。' },
}

/** 记录服务时长: hours in half hours (stepped, never typed), the points for them, and what the service (activity) was. */
export function GrantForm({ holder, onSaved, onCancel }: Props) {
  const words = grantWords[holder.kind]
  const [hours, setHours] = useState(1)
  const [points, setPoints] = useState('')
  const [reason, setReason] = useState('')
  const { busy, error, setError, fields, send } = useSend()
  // One key per record: a retry after a lost answer grants once.
  const [idempotencyKey] = useState(newIdempotencyKey)

  function save() {
    const amount = wholeOf(points)
    if (!amount) return setError('请填积分（整数），例如 20。')
    if (!reason.trim()) return setError(words.missing)
    void send(async () => {
      const next = await grantPoints(holder.holderId, { hours, points: amount, reason: reason.trim(), idempotencyKey })
      onSaved(next, `已给${holder.holderName}记录 ${hours} 小时${words.what}，加 ${amount} 积分。`)
    })
  }

  return (
    <View className='card' data-testid='grant-form'>
      <View className='card__title'>{`记录${holder.holderName}的${words.what}时长`}</View>
      <View className='form-label'>{`${words.what}时长`}</View>
      <View className='window-add'>
        <Tap className='btn btn--secondary window-row__remove' testId='grant-hours-less' label='少半小时' onTap={() => setHours((current) => Math.max(0.5, current - 0.5))}>
          − 半小时
        </Tap>
        <View className='statement-month' data-testid='grant-hours'>
          {hours} 小时
        </View>
        <Tap className='btn btn--secondary window-row__remove' testId='grant-hours-more' label='多半小时' onTap={() => setHours((current) => Math.min(MAX_HOURS, current + 0.5))}>
          ＋ 半小时
        </Tap>
      </View>
      <FieldError errors={fields} field='hours' testId='grant-error' />
      <View className='form-label'>加多少积分</View>
      <PointsInput value={points} onInput={setPoints} testId='grant-points' />
      <FieldError errors={fields} field='points' testId='grant-error' />
      <View className='form-label'>{words.question}</View>
      <TextInput label={words.question} value={reason} maxlength={50} placeholder='例如 重阳节敬老活动' testId='grant-reason' onInput={setReason} />
      <FieldError errors={fields} field='reason' testId='grant-error' />
      {error && <Notice kind='error' message={error} testId='grant-form-error' />}
      <Tap className='btn btn--primary' testId='grant-save' onTap={save}>
        {busy ? '正在保存…' : '记录并加积分'}
      </Tap>
      <Tap className='btn btn--secondary' testId='grant-cancel' onTap={onCancel}>
        不记了
      </Tap>
    </View>
  )
}

const directions = ['up', 'down'] as const
type Direction = (typeof directions)[number]
const directionNames: Record<Direction, string> = { up: '加积分', down: '扣积分' }

/** 调整积分: a correction up or down, always with the reason (the holder sees it among their entries). */
export function AdjustForm({ holder, onSaved, onCancel }: Props) {
  const [direction, setDirection] = useState<Direction | null>(null)
  const [points, setPoints] = useState('')
  const [reason, setReason] = useState('')
  const { busy, error, setError, fields, send } = useSend()
  const [idempotencyKey] = useState(newIdempotencyKey)

  function save() {
    const amount = wholeOf(points)
    if (!direction) return setError('请选加积分还是扣积分。')
    if (!amount) return setError('请填积分（整数），例如 5。')
    if (!reason.trim()) return setError('请写调整原因，例如 上次记错了。')
    const signed = direction === 'up' ? amount : -amount
    void send(async () => {
      const next = await adjustPoints(holder.holderId, { points: signed, reason: reason.trim(), idempotencyKey })
      onSaved(next, `已给${holder.holderName}${directionNames[direction]} ${amount}，现有 ${next.balance} 积分。`)
    })
  }

  return (
    <View className='card' data-testid='adjust-form'>
      <View className='card__title'>调整{holder.holderName}的积分</View>
      <Choices options={directions} names={directionNames} value={direction} onChange={setDirection} testId='adjust-direction' label='加还是扣' />
      <View className='form-label'>多少积分</View>
      <PointsInput value={points} onInput={setPoints} testId='adjust-points' />
      <FieldError errors={fields} field='points' testId='adjust-error' />
      <View className='form-label'>调整原因（对方能看到）</View>
      <TextInput label='调整原因' value={reason} maxlength={50} placeholder='例如 上次记错了' testId='adjust-reason' onInput={setReason} />
      <FieldError errors={fields} field='reason' testId='adjust-error' />
      {error && <Notice kind='error' message={error} testId='adjust-form-error' />}
      <Tap className='btn btn--primary' testId='adjust-save' onTap={save}>
        {busy ? '正在保存…' : '确定调整'}
      </Tap>
      <Tap className='btn btn--secondary' testId='adjust-cancel' onTap={onCancel}>
        不调了
      </Tap>
    </View>
  )
}
