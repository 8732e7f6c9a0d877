import { useState } from 'react'
import { View } from '@tarojs/components'
import { ELDER_CONTACT_RETENTION_DAYS, type ElderDetailResponse, type ElderProfile } from '@yilin/contract'
import { closeElder } from '../../api/rights'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { formatDateTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'

interface Props {
  elder: ElderProfile
  onChanged: (detail: ElderDetailResponse) => void
}

/** What closing keeps and removes, said to the worker before they confirm (README has the whole rule). */
const KEPT = '保留：姓名、出生日期、社区、补贴类别，以往的订餐、上门服务和积分兑换记录（补贴结算要用）。'
const REMOVED = '删除：电话、住址、紧急联系人、饮食要求、健康数据和授权、长辈的微信登录、家属绑定、消息、积分；没人认领的心愿撤下。'

/**
 * 注销: the elder (or the family, after a death) asks the community to close the account. The worker writes
 * who asked and what was seen, confirms on the page, and the elder leaves the register for good.
 */
export function CloseElderPanel({ elder, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  const [asking, setAsking] = useState(false)
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()

  if (elder.status === 'closed') {
    return (
      <Notice
        kind='info'
        testId='elder-closed'
        message={`${elder.name}的账户已注销${elder.contactsErasedAt ? `（${formatDateTime(elder.contactsErasedAt)}）` : ''}：联系方式和健康数据已删除，补贴结算要用的记录保留。`}
      />
    )
  }
  const erased = elder.contactsErasedAt ? `联系方式已在 ${formatDateTime(elder.contactsErasedAt)} 按保存期限清除。` : ''
  const retention = elder.status !== 'active' && !erased ? `离开名册满 ${ELDER_CONTACT_RETENTION_DAYS} 天后，联系方式和健康数据会自动删除。` : erased

  return (
    <View data-testid='close-elder'>
      {retention && <View className='hint' data-testid='close-elder-retention'>{retention}</View>}
      {!open ? (
        <Tap className='btn btn--secondary' testId='close-elder-open' onTap={() => setOpen(true)}>
          注销长辈账户…
        </Tap>
      ) : (
        <View className='confirm'>
          <View className='confirm__question'>注销{elder.name}的账户</View>
          <View className='hint'>{KEPT}</View>
          <View className='hint'>{REMOVED}</View>
          <View className='form-label'>谁来申请的，核对了什么证明（必填）</View>
          <TextInput label='说明' value={note} maxlength={60} testId='close-elder-note' onInput={setNote} />
          {asking ? (
            <ConfirmStep
              question={`确定注销${elder.name}的账户吗？注销后不能恢复，要再服务需重新建档。`}
              yes='确定注销'
              busy={busy}
              testId='close-elder-confirm'
              onYes={() =>
                run(async () => {
                  onChanged(await closeElder(elder.elderId, note.trim()))
                  setAsking(false)
                  setOpen(false)
                })
              }
              onNo={() => setAsking(false)}
            />
          ) : (
            <Tap className='btn btn--danger' testId='close-elder-ask' onTap={() => setAsking(true)}>
              注销
            </Tap>
          )}
          {!asking && (
            <Tap className='btn btn--secondary' testId='close-elder-cancel' onTap={() => setOpen(false)}>
              不注销了
            </Tap>
          )}
        </View>
      )}
      {error && <Notice kind='error' message={error} testId='close-elder-error' />}
    </View>
  )
}
