import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PointsEntryView, PointsView, RedemptionView } from '@yilin/contract'
import { getPoints } from '../../api/wishes'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { formatMonthDayTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { useData } from '../../shared/useData'
import { AdjustForm, GrantForm, grantWords } from './PointsForms'
import '../worker.css'

type Form = 'grant' | 'adjust' | null

const holderKinds: Record<PointsView['kind'], string> = { volunteer: '志愿者', elder: '长辈' }

function EntryRow({ entry }: { entry: PointsEntryView }) {
  return (
    <View className='history-row' data-testid={`points-entry-${entry.entryId}`}>
      <View className='board-row__head'>
        <View className='statement-total'>{entry.amount > 0 ? `+${entry.amount}` : entry.amount}</View>
        <View>{entry.kindName}</View>
      </View>
      {entry.note && <View>{entry.note}</View>}
      <View className='worker-row__note'>{formatMonthDayTime(entry.at)}</View>
    </View>
  )
}

function RedemptionRow({ redemption }: { redemption: RedemptionView }) {
  return (
    <View className='history-row' data-testid={`points-redemption-${redemption.redemptionId}`}>
      <View className='board-row__head'>
        <View>
          {redemption.itemName} · {redemption.pricePoints} 积分
        </View>
        <View className={redemption.status === 'handed' ? 'status status--done' : redemption.status === 'waiting' ? 'status status--ok' : 'status status--off'}>{redemption.statusName}</View>
      </View>
      <View className='worker-row__note'>{formatMonthDayTime(redemption.createdAt)} 兑换</View>
    </View>
  )
}

/**
 * 积分: one volunteer's (or elder's) balance and what moved it; the worker records hours (a volunteer's
 * service, an elder's part in the community's activities) or corrects it.
 */
export default function WorkerPointsPage() {
  const { params } = useRouter()
  const holderId = params.holderId || ''
  const [form, setForm] = useState<Form>(null)
  const [done, setDone] = useState('')
  const loaded = useData(() => getPoints(holderId), { onShow: true, enabled: holderId !== '' && form === null })
  const holder = loaded.data

  function saved(next: PointsView, message: string) {
    loaded.setData(next)
    setForm(null)
    setDone(message)
  }

  function open(next: Form) {
    setDone('')
    setForm(next)
  }

  if (holder && form) {
    const Editor = form === 'grant' ? GrantForm : AdjustForm
    return (
      <ElderPage dense>
        <Editor holder={holder} onSaved={saved} onCancel={() => setForm(null)} />
      </ElderPage>
    )
  }

  return (
    <ElderPage dense>
      {!holderId && <Notice kind='error' message='没有指定是谁的积分，请从“社区志愿者”或长辈资料页进入。' testId='points-missing' />}
      <DataStatus state={loaded} testId='points' />
      {done && <Notice kind='success' message={done} testId='points-done' />}
      {holder && (
        <>
          <View className='card' data-testid='points-balance'>
            <View className='card__title'>
              {holder.holderName}（{holderKinds[holder.kind]}）
            </View>
            <View className='count__n' data-testid='points-balance-n'>
              {holder.balance}
            </View>
            <View>现有积分 · {holder.communityName}</View>
          </View>
          <View className='board-row__actions'>
            <Tap className='btn btn--primary board-action' testId='points-grant' onTap={() => open('grant')}>
              {`记录${grantWords[holder.kind].what}时长`}
            </Tap>
            <Tap className='btn btn--secondary board-action' testId='points-adjust' onTap={() => open('adjust')}>
              调整积分
            </Tap>
          </View>
          {holder.kind === 'elder' && (
            <>
              <Notice kind='info' message='长辈能不能用积分在积分超市兑换，由“心愿和积分规则”里的“长辈也能兑换”决定。' testId='points-elders-redeem' />
              <Tap className='btn btn--secondary' testId='points-rules' onTap={() => goTo('/worker/wish-settings/index')}>
                看心愿和积分规则
              </Tap>
            </>
          )}
          <View className='section-title'>积分记录</View>
          {holder.entries.length === 0 && <View className='hint'>还没有积分记录。</View>}
          {holder.entries.map((entry) => (
            <EntryRow key={entry.entryId} entry={entry} />
          ))}
          {holder.redemptions.length > 0 && (
            <>
              <View className='section-title'>兑换</View>
              {holder.redemptions.map((redemption) => (
                <RedemptionRow key={redemption.redemptionId} redemption={redemption} />
              ))}
            </>
          )}
        </>
      )}
    </ElderPage>
  )
}
