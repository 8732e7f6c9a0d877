import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { OrgResponse } from '@yilin/functions/src/schemas/people'
import { getOrg } from '../api'
import { messageOf } from '../api/client'
import { ElderPage } from '../components/ElderPage'
import { Loading } from '../components/Loading'
import { Notice } from '../components/Notice'
import { goTo, queryString } from '../lib/navigation'
import { Tap } from '../components/Tap'
import './index.css'

/** County → service centres → communities; a community opens its list of elders, a centre its meal prices. */
export default function CountyPage() {
  const [org, setOrg] = useState<OrgResponse | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    getOrg()
      .then(setOrg)
      .catch((err) => setError(messageOf(err)))
  }, [])

  return (
    <ElderPage dense>
      {error && <Notice kind='error' message={error} testId='admin-error' />}
      {!org && !error && <Loading />}
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
