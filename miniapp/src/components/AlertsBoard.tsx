import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Textarea, View } from '@tarojs/components'
import { alertLevelNames, alertStatusNames, type AlertResponse, type AlertView, type AlertsResponse, type AlertLocation } from '@yilin/contract'
import { acknowledgeAlert, getAlert, getMyAlerts, resolveAlert } from '../api/notify'
import { ApiError, messageOf } from '../api/client'
import { inputName } from '../lib/a11y'
import { formatMonthDayTime } from '../lib/format'
import { scrollToElement } from '../lib/scroll'
import { currentUser } from '../lib/session'
import { askToSubscribe, loadSubscriptionTopics } from '../lib/subscribe'
import { useAction } from '../shared/useAction'
import { useData } from '../shared/useData'
import { useRefreshWhileShown } from '../shared/useRefreshWhileShown'
import { DataStatus } from './DataStatus'
import { Field } from './Field'
import { Notice } from './Notice'
import { CallButton } from './SosButton'
import { Tap } from './Tap'
import { limitNote } from './TextInput'
import './alerts.css'

const REFRESH_MS = 15_000
/** The contract's limit for what was done. */
const NOTE_MAX = 200

/** The calls, and when they were read (how long a call has waited is counted from then). */
type Board = AlertsResponse & { readAt: number }

/** "已等 6 分钟", "已等 1 小时 5 分钟". */
function waitedText(raisedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(raisedAt)) / 60_000))
  if (minutes < 1) return '刚刚按下'
  if (minutes < 60) return `已等 ${minutes} 分钟`
  return `已等 ${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}`
}

/** The call as answered, moved to where it now belongs: still open, or dealt with. */
function placed(board: Board, alert: AlertView): Board {
  const others = (list: AlertView[]) => list.filter((item) => item.alertId !== alert.alertId)
  if (alert.status === 'resolved') return { ...board, open: others(board.open), recent: [alert, ...others(board.recent)] }
  return { ...board, open: board.open.map((item) => (item.alertId === alert.alertId ? alert : item)) }
}

function Location({ alert, location }: { alert: AlertView; location: AlertLocation }) {
  const accuracy = location.accuracy !== undefined ? `（误差约 ${Math.round(location.accuracy)} 米）` : ''
  return (
    <Field label='手机定位' testId={`alerts-location-${alert.alertId}`}>
      纬度 {location.latitude.toFixed(5)}，经度 {location.longitude.toFixed(5)}
      {accuracy}
      {process.env.TARO_ENV === 'weapp' && (
        <Tap
          className='btn btn--secondary'
          testId={`alerts-map-${alert.alertId}`}
          onTap={() =>
            void Taro.openLocation({ latitude: location.latitude, longitude: location.longitude, name: alert.elderName, address: alert.elderAddress, scale: 16 }).catch(
              () => undefined,
            )
          }
        >
          在地图上看
        </Tap>
      )}
    </Field>
  )
}

/** 已处理: what was done, required, then confirmed. */
function ResolveForm({ busy, onResolve, onCancel }: { busy: boolean; onResolve: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState('')
  const confirm = () => {
    const written = note.trim()
    if (!written) return setProblem('请写一下做了什么，长辈现在怎么样。')
    onResolve(written)
  }
  return (
    <View className='alert-card__resolve'>
      <View className='form-label'>处理情况</View>
      <Textarea
        className='input alert-note'
        value={note}
        maxlength={NOTE_MAX}
        autoHeight
        placeholder='做了什么，长辈现在怎么样'
        {...inputName('处理情况')}
        data-testid='alerts-note'
        onInput={(e) => {
          setNote(e.detail.value)
          setProblem('')
        }}
      />
      {note.length >= NOTE_MAX && <View className='input-limit'>{limitNote(NOTE_MAX)}</View>}
      {problem && <Notice kind='error' message={problem} testId='alerts-note-error' />}
      <Tap className='btn btn--primary' testId='alerts-resolve-confirm' onTap={confirm}>
        {busy ? '正在保存…' : '确认已处理'}
      </Tap>
      <Tap className='btn btn--secondary' testId='alerts-resolve-cancel' onTap={onCancel}>
        返回
      </Tap>
    </View>
  )
}

interface CardProps {
  alert: AlertView
  readAt: number
  highlighted: boolean
  busy: boolean
  onAcknowledge: () => void
  onResolve: (note: string) => void
}

/** A call still open: whose, since when, where, whom to phone, who is on it, and what to do next. */
function OpenAlertCard({ alert, readAt, highlighted, busy, onAcknowledge, onResolve }: CardProps) {
  const [resolving, setResolving] = useState(false)
  // The elder's emergency contact comes with the call itself; until it is read, the elder's own phone.
  const numbers = useData(async () => (await getAlert(alert.alertId)).callNumbers)
  const calls = numbers.data ?? [{ label: `${alert.elderName}的电话`, phone: alert.elderPhone }]
  const waiting = alert.status === 'open'
  const { responder } = alert
  const me = currentUser()?.name
  const classes = ['card', 'alert-card', waiting ? 'alert-card--waiting' : '', highlighted ? 'alert-card--highlight' : ''].filter(Boolean).join(' ')
  return (
    <View id={`alert-${alert.alertId}`} className={classes} data-testid={`alerts-open-${alert.alertId}`}>
      <View className='alert-card__head'>
        <View className={`status ${waiting ? 'alert-status--waiting' : 'status--new'}`}>
          {waiting ? '! ' : ''}
          {alertStatusNames[alert.status]}
        </View>
        {alert.level !== 'community' && <View className='alert-card__level'>已转到{alertLevelNames[alert.level]}</View>}
      </View>
      <View className='alert-card__name'>
        {alert.elderName}（{alert.communityName}）
      </View>
      <View className='alert-card__when'>
        按于 {formatMonthDayTime(alert.raisedAt)}
        {waiting ? `（${waitedText(alert.raisedAt, readAt)}）` : ''}
        {alert.raisedByName !== '本人' ? `，${alert.raisedByName}代按` : ''}
      </View>
      {responder && (
        <View className='alert-card__responder' data-testid={`alerts-responder-${alert.alertId}`}>
          {responder.name === me ? '您正在处理' : `${responder.name} 正在处理`}
        </View>
      )}
      <Field label='住址'>{alert.elderAddress || '没有登记住址'}</Field>
      {alert.location && <Location alert={alert} location={alert.location} />}
      {calls.map((number, index) => (
        <CallButton key={index} label={number.label} phone={number.phone} testId={`alerts-call-${alert.alertId}-${index}`} />
      ))}
      {waiting && (
        <Tap className='btn btn--primary btn--big' testId={`alerts-ack-${alert.alertId}`} onTap={onAcknowledge}>
          {busy ? '请稍候…' : '我去处理'}
        </Tap>
      )}
      {resolving ? (
        <ResolveForm busy={busy} onResolve={onResolve} onCancel={() => setResolving(false)} />
      ) : (
        <Tap className='btn btn--secondary' testId={`alerts-resolve-${alert.alertId}`} onTap={() => setResolving(true)}>
          已处理
        </Tap>
      )}
    </View>
  )
}

function ClosedAlertRow({ alert }: { alert: AlertView }) {
  return (
    <View className='worker-row' data-testid={`alerts-recent-${alert.alertId}`}>
      <View className='worker-row__name'>
        {alert.elderName}（{alert.communityName}）
      </View>
      <View>
        按于 {formatMonthDayTime(alert.raisedAt)}，✓ {alertStatusNames[alert.status]}
        {alert.resolvedAt ? `（${formatMonthDayTime(alert.resolvedAt)}）` : ''}
      </View>
      {alert.resolvedByName && (
        <View className='worker-row__note'>
          {alert.resolvedByName}：{alert.note ?? ''}
        </View>
      )}
    </View>
  )
}

interface Props {
  /** A call to bring into view and mark (`?alertId=` from a notification). */
  highlight?: string
  /** What the page adds below the calls (the worker's duty line and failed notifications). */
  children?: ReactNode
}

/**
 * 紧急求助 for workers and the county: calls still open first (the longest waiting first), each with what it
 * takes to help; then the last ones dealt with.
 */
export function AlertsBoard({ highlight, children }: Props) {
  const board = useData<Board>(async () => ({ ...(await getMyAlerts()), readAt: Date.now() }), { onShow: true })
  useRefreshWhileShown(board.reload, REFRESH_MS)
  useDidShow(() => void loadSubscriptionTopics())
  const action = useAction()
  const open = board.data?.open ?? []
  const recent = board.data?.recent ?? []
  const readAt = board.data?.readAt ?? 0
  const highlightShown = !!highlight && open.some((alert) => alert.alertId === highlight)

  useEffect(() => {
    if (highlightShown) scrollToElement(`#alert-${highlight}`)
  }, [highlightShown, highlight])

  /** One answer to a call; a refusal (someone else closed it) is said with whose call it was, and the list read again. */
  const respond = (alert: AlertView, work: () => Promise<AlertResponse>, done: (answer: AlertResponse) => string) =>
    void action.run(async () => {
      try {
        const answer = await work()
        board.setData((current) => placed(current, answer.alert))
        action.setDone(done(answer))
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) void board.reload()
        action.setError(`${alert.elderName}：${messageOf(err)}`)
      }
    })
  const acknowledge = (alert: AlertView) =>
    respond(
      alert,
      () => acknowledgeAlert(alert.alertId),
      ({ alert: answered }) =>
        answered.responder?.name === currentUser()?.name ? `好的，${alert.elderName}的求助由您处理。` : `${answered.responder?.name ?? '别人'} 已经在处理了。`,
    )
  const resolve = (alert: AlertView, note: string) => respond(alert, () => resolveAlert(alert.alertId, note), () => `已记下，${alert.elderName}的求助处理完了。`)

  return (
    <>
      {process.env.TARO_ENV === 'weapp' && (
        <Tap className='btn btn--secondary' testId='alerts-subscribe' onTap={() => askToSubscribe('alerts')}>
          接收紧急求助的微信提醒
        </Tap>
      )}
      <DataStatus state={board} testId='alerts' />
      {action.error && <Notice kind='error' message={action.error} testId='alerts-action-error' />}
      {action.done && <Notice kind='success' message={action.done} testId='alerts-done' />}
      {board.data && open.length === 0 && <Notice kind='info' message='现在没有等待处理的求助。' testId='alerts-empty' />}
      {open.map((alert) => (
        <OpenAlertCard
          key={alert.alertId}
          alert={alert}
          readAt={readAt}
          highlighted={alert.alertId === highlight}
          busy={action.busy}
          onAcknowledge={() => acknowledge(alert)}
          onResolve={(note) => resolve(alert, note)}
        />
      ))}
      {recent.length > 0 && (
        <>
          <View className='section-title'>最近处理完的</View>
          {recent.map((alert) => (
            <ClosedAlertRow key={alert.alertId} alert={alert} />
          ))}
        </>
      )}
      {children}
    </>
  )
}
