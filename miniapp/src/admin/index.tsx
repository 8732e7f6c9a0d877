import { View } from '@tarojs/components'
import { getOrg } from '../api'
import { DataStatus } from '../components/DataStatus'
import { ElderPage } from '../components/ElderPage'
import { goTo, queryString } from '../lib/navigation'
import { Tap } from '../components/Tap'
import { useData } from '../shared/useData'
import './index.css'

/** County → service centres → communities; a community opens its list of elders, a centre its meal prices. */
export default function CountyPage() {
  const loaded = useData(getOrg)
  const org = loaded.data

  return (
    <ElderPage dense>
      <DataStatus state={loaded} testId='admin' />
      {org && (
        <>
          <View className='page-title' data-testid='admin-county'>
            {org.county.name}
          </View>
          {org.centres.map((centre) => (
            <View key={centre.centreId} className='card' data-testid={`admin-centre-${centre.centreId}`}>
              <View className='card__title'>{centre.name}</View>
              {centre.communities.length === 0 && <View className='hint'>还没有社区。</View>}
              {centre.communities.map((community) => (
                <Tap
                  key={community.communityId}
                  className='worker-row'
                  testId={`admin-community-${community.communityId}`}
                  onTap={() =>
                    goTo(`/worker/elders/index${queryString({ communityId: community.communityId, name: community.name })}`)
                  }
                >
                  <View className='worker-row__name'>{community.name} ›</View>
                </Tap>
              ))}
              <Tap
                className='worker-row'
                testId={`admin-pricing-${centre.centreId}`}
                label={`餐价设置：${centre.name}`}
                onTap={() => goTo(`/admin/pricing/index${queryString({ centreId: centre.centreId })}`)}
              >
                <View className='worker-row__name'>餐价设置 ›</View>
              </Tap>
            </View>
          ))}
        </>
      )}
    </ElderPage>
  )
}
