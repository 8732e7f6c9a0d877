import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ElderDetailResponse, ElderProfile } from '@yilin/contract'
import { listCommunityChoices, moveElder } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'

interface Props {
  elder: ElderProfile
  onMoved: (detail: ElderDetailResponse) => void
}

interface Choice {
  communityId: string
  name: string
  centreName: string
}

/**
 * 迁到其他社区: the elder moves within the county. The worker picks the new community (grouped by
 * service centre), confirms on the page, and from then on that community's workers look after the elder;
 * orders, standing orders and family bindings follow.
 */
export function MovePanel({ elder, onMoved }: Props) {
  const [open, setOpen] = useState(false)
  const [chosen, setChosen] = useState<Choice | null>(null)
  const { busy, error, done: moved, setDone: setMoved, run } = useAction()
  const choices = useData(
    async () =>
      (await listCommunityChoices()).counties.flatMap((county) =>
        county.centres.flatMap((centre) =>
          centre.communities.filter((community) => community.communityId !== elder.communityId).map((community) => ({ ...community, centreName: centre.name })),
        ),
      ),
    { enabled: open, deps: [open] },
  )

  const confirm = () =>
    run(async () => {
      if (!chosen) return
      const detail = await moveElder(elder.elderId, chosen.communityId)
      setMoved(`${elder.name}已迁到${chosen.name}，以后由${chosen.name}的工作者照看。`)
      setOpen(false)
      setChosen(null)
      onMoved(detail)
    })

  return (
    <View className='card' data-testid='move-panel'>
      <View className='card__title'>迁到其他社区</View>
      {moved && <Notice kind='success' message={moved} testId='move-done' />}
      {!open && !moved && (
        <Tap className='btn btn--secondary' testId='move-open' onTap={() => setOpen(true)}>
          {elder.name}搬到本县其他社区了
        </Tap>
      )}
      {open && !chosen && (
        <View>
          <View className='hint'>选新的社区（订单、长期订餐和家人绑定都会跟着过去）：</View>
          <DataStatus state={choices} testId='move-choices' />
          {choices.data?.map((choice) => (
            <Tap key={choice.communityId} className='worker-row' testId={`move-to-${choice.communityId}`} onTap={() => setChosen(choice)}>
              {choice.name}
              <View className='hint'>{choice.centreName}</View>
            </Tap>
          ))}
          <Tap className='btn btn--secondary' testId='move-cancel' onTap={() => setOpen(false)}>
            不迁了
          </Tap>
        </View>
      )}
      {chosen && (
        <View className='confirm' data-testid='move-confirm'>
          <View className='confirm__question'>
            确定把{elder.name}迁到{chosen.name}吗？迁走后，本社区就看不到{elder.name}的资料了。
          </View>
          <Tap className='btn btn--primary' testId='move-confirm-yes' onTap={confirm}>
            {busy ? '正在迁…' : `确定迁到${chosen.name}`}
          </Tap>
          <Tap className='btn btn--secondary' testId='move-confirm-no' onTap={() => setChosen(null)}>
            换一个社区
          </Tap>
        </View>
      )}
      {error && <Notice kind='error' message={error} testId='move-error' />}
    </View>
  )
}
