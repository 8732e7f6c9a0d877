import { View } from '@tarojs/components'
import { createCentre, createCommunity, getOrg, renameCentre, renameCommunity } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { useData } from '../../shared/useData'
import { NameForm, Renamable } from './NameForm'

/**
 * The county's service centres and their communities: add either, rename either. A centre keeps its
 * canteen (menus, prices, orders) whatever it is called; elders' pages show a new name within minutes.
 */
export default function OrgPage() {
  const loaded = useData(getOrg)
  const org = loaded.data

  return (
    <ElderPage dense>
      <DataStatus state={loaded} testId='org' />
      {org && (
        <>
          <View className='page-title' data-testid='org-county'>
            {org.county.name}
          </View>
          <View className='hint'>改名只改名字：服务中心的菜单、餐价和订单都跟着它，不受影响。长辈那边几分钟内显示新名字。</View>
          {org.centres.map((centre) => (
            <View key={centre.centreId} className='card' data-testid={`org-centre-${centre.centreId}`}>
              <Renamable
                name={centre.name}
                label='服务中心名称'
                testId={`org-centre-name-${centre.centreId}`}
                onRename={async (name) => {
                  await renameCentre(centre.centreId, name)
                  await loaded.reload()
                }}
              />
              <View className='card__title'>下属社区</View>
              {centre.communities.length === 0 && <View className='hint'>还没有社区。</View>}
              {centre.communities.map((community) => (
                <Renamable
                  key={community.communityId}
                  name={community.name}
                  label='社区名称'
                  testId={`org-community-${community.communityId}`}
                  onRename={async (name) => {
                    await renameCommunity(community.communityId, name)
                    await loaded.reload()
                  }}
                />
              ))}
              <NameForm
                label='社区名称'
                action='在这个服务中心下新建社区'
                testId={`org-new-community-${centre.centreId}`}
                onSave={async (name) => {
                  await createCommunity(centre.centreId, name)
                  await loaded.reload()
                }}
              />
            </View>
          ))}
          <View className='card' data-testid='org-new-centre-card'>
            <View className='card__title'>新建服务中心</View>
            <NameForm
              label='服务中心名称'
              action='新建服务中心'
              testId='org-new-centre'
              onSave={async (name) => {
                await createCentre(name)
                await loaded.reload()
              }}
            />
          </View>
        </>
      )}
    </ElderPage>
  )
}
