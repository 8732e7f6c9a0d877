import { useState } from 'react'
import { View } from '@tarojs/components'
import { dietaryNeedWords, isWorkerStatus, marksMealHappened, nextStatuses } from '@yilin/contract'
import type { BoardOrderView, OrderStatus } from '@yilin/contract'
import type { WorkerStatus } from '../../api'
import { PhoneLink } from '../../components/PhoneLink'
import { StatusBadge } from '../../components/StatusBadge'
import { Tap } from '../../components/Tap'
import { fulfilmentNames } from '../../lib/canteen'
import { formatTime } from '../../lib/format'

const actionLabels: Record<WorkerStatus, string> = {
  confirmed: '确认',
  served: '已取餐',
  out_for_delivery: '出发送餐',
  delivered: '已送达',
  no_show: '未到',
}

/** A delivery nobody opened the door for reads 家中无人, not 未到. */
const actionLabel = (status: WorkerStatus, delivery: boolean) => (status === 'no_show' && delivery ? '家中无人' : actionLabels[status])

/**
 * What a worker may do next with an order: the contract's next statuses, the rule the server checks, less
 * cancelling (not done from the board). Before the meal's day only confirming: nobody is served or
 * delivered a meal ahead of its day.
 */
function actionsFor(status: OrderStatus, delivery: boolean, beforeTheDay: boolean): WorkerStatus[] {
  // Eat-in and pick-up orders move alike; only delivery differs.
  return nextStatuses(status, delivery ? 'delivery' : 'eat_in').filter(
    (next): next is WorkerStatus => isWorkerStatus(next) && !(beforeTheDay && marksMealHappened(next)),
  )
}

function dietaryWords(item: BoardOrderView): string[] {
  const words = dietaryNeedWords(item.dietary)
  if (item.dietary.allergies) words.push(`过敏：${item.dietary.allergies}`)
  return words
}

interface RowProps {
  item: BoardOrderView
  /** The county admin may look but not act. */
  readOnly: boolean
  beforeTheDay: boolean
  onAct: (status: WorkerStatus) => Promise<void>
  /** Takes back the order's last mark (offered by the board for a few minutes after it). */
  onUndo: (markId: string) => Promise<void>
}

function rowClass(item: BoardOrderView): string {
  if (item.status === 'cancelled') return 'worker-row board-row board-row--off'
  return item.needsDecision ? 'worker-row board-row board-row--decide' : 'worker-row board-row'
}

export function BoardRow({ item, readOnly, beforeTheDay, onAct, onUndo }: RowProps) {
  const [busy, setBusy] = useState('')
  const [confirmingNoShow, setConfirmingNoShow] = useState(false)
  const delivery = item.fulfilment === 'delivery'

  async function act(status: WorkerStatus) {
    if (busy) return
    setBusy(status)
    await onAct(status)
    setBusy('')
    setConfirmingNoShow(false)
  }
  async function undo(markId: string) {
    if (busy) return
    setBusy('undo')
    await onUndo(markId)
    setBusy('')
  }
  const actions = readOnly ? [] : actionsFor(item.status, delivery, beforeTheDay)
  const words = dietaryWords(item)
  const testId = (part: string) => `board-${part}-${item.orderId}`
  return (
    <View className={rowClass(item)} data-testid={testId('row')}>
      {item.needsDecision && (
        <View className='board-row__decide' data-testid={testId('decide')}>
          ⏰ 用餐时间已过，还没有处理：请标记{delivery ? '已送达或家中无人' : '已取餐或未到'}
        </View>
      )}
      <View className='board-row__head'>
        <View className='worker-row__name'>{item.elderName}</View>
        <View className={`board-row__way board-row__way--${item.fulfilment}`}>{fulfilmentNames[item.fulfilment]}</View>
        <StatusBadge status={item.status} name={item.statusName} testId={testId('status')} />
      </View>
      {words.length > 0 && (
        <View className='board-row__diet' data-testid={testId('dietary')}>
          ⚠ {words.join('　')}
        </View>
      )}
      {delivery && (
        <View className='board-row__address' data-testid={testId('address')}>
          {item.elderAddress}
          {item.elderPhone && (
            <>
              {' · '}
              <PhoneLink phone={item.elderPhone} name={item.elderName} testId={testId('phone')} />
            </>
          )}
        </View>
      )}
      {item.note && <View className='worker-row__note'>留言：{item.note}</View>}
      <View className='worker-row__note'>{item.priceReason}</View>
      {actions.length > 0 && confirmingNoShow && (
        // 未到 next to 已送达 is one slip of the thumb away: it asks again, on the page, naming the elder.
        <View className='confirm' data-testid={testId('confirm-no_show')}>
          <View className='confirm__question'>
            确定{item.elderName}{delivery ? '家中无人、没送到' : '没来取餐'}吗？
          </View>
          <Tap className='btn btn--danger board-action' testId={testId('confirm-no_show-yes')} onTap={() => act('no_show')}>
            {busy === 'no_show' ? '…' : `确定${actionLabel('no_show', delivery)}`}
          </Tap>
          <Tap className='btn btn--secondary board-action' testId={testId('confirm-no_show-no')} onTap={() => setConfirmingNoShow(false)}>
            不是
          </Tap>
        </View>
      )}
      {actions.length > 0 && !confirmingNoShow && (
        <View className='board-row__actions'>
          {actions.map((status) => (
            <Tap
              key={status}
              className={status === 'no_show' ? 'btn btn--secondary board-action' : 'btn btn--primary board-action'}
              testId={testId(`action-${status}`)}
              onTap={() => (status === 'no_show' ? setConfirmingNoShow(true) : act(status))}
            >
              {busy === status ? '…' : actionLabel(status, delivery)}
            </Tap>
          ))}
        </View>
      )}
      {!readOnly && item.undo && (
        // A mark made by mistake is taken back here for a few minutes; the button says what the order goes back to.
        <View className='board-row__undo'>
          <Tap className='btn btn--secondary board-action' testId={testId('undo')} onTap={() => undo(item.undo!.markId)}>
            {busy === 'undo' ? '…' : `撤销：改回 ${item.undo.backName}`}
          </Tap>
          <View className='hint' data-testid={testId('undo-until')}>
            {formatTime(item.undo.until)} 前可以撤销
          </View>
        </View>
      )}
    </View>
  )
}
