import { useState } from 'react'
import { View } from '@tarojs/components'
import { familyRelationNames, familyRelations, UNNAMED_USER, type ElderSummary, type FamilyRelation } from '@yilin/contract'
import { getMe, setRelation } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { NameEditor } from '../../components/NameEditor'
import { Notice } from '../../components/Notice'
import { Choices } from '../../components/Choices'
import { Tap } from '../../components/Tap'
import { elderTitleSuffix, roleNames } from '../../lib/labels'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import './index.css'

/** One bound elder and what the relative is to them, with a way to correct a mistaken tap. */
function RelationRow({ elder, onChanged }: { elder: ElderSummary; onChanged: (elder: ElderSummary) => void }) {
  const [editing, setEditing] = useState(false)
  const { busy, error, run } = useAction()
  const testId = `account-relation-${elder.elderId}`

  const choose = (relation: FamilyRelation) =>
    run(async () => {
      onChanged((await setRelation(elder.elderId, relation)).elder)
      setEditing(false)
    })

  return (
    <View className='account-relation' data-testid={testId}>
      <View className='account-relation__name'>
        {elder.name}
        {elderTitleSuffix(elder)}
      </View>
      <View className='hint' data-testid={`${testId}-now`}>
        {elder.relation ? `您是${elder.name}的${familyRelationNames[elder.relation]}` : '还没有选您是长辈的什么人'}
      </View>
      {editing ? (
        <View>
          <View className='form-label'>您是{elder.name}的</View>
          <Choices options={familyRelations} names={familyRelationNames} label={`您是${elder.name}的什么人`} value={elder.relation ?? null} testId={`${testId}-choices`} onChange={choose} />
          {busy && <View className='hint'>正在保存…</View>}
        </View>
      ) : (
        <Tap className='btn btn--secondary' testId={`${testId}-edit`} onTap={() => setEditing(true)}>
          {elder.relation ? '改一下关系' : '选择关系'}
        </Tap>
      )}
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
    </View>
  )
}

/** Elders and staff are known by the name they were registered with: it tells an elder who is at the door. */
const REGISTERED_NAME_NOTES = {
  elder: '长辈的姓名由社区登记。写错了请告诉社区工作者，他们会帮您改。',
  worker: '工作人员的姓名由县级平台登记，长辈靠它认出上门的人。写错了请联系县级平台修改。',
  admin: '工作人员的姓名由县级平台登记。写错了请联系县级平台修改。',
}

/** My account: what I am called, what I am to each elder I look after, and the privacy notice. */
export default function AccountPage() {
  const user = currentUser()
  const me = useData(getMe, { enabled: user !== null })
  const [saved, setSaved] = useState('')
  const role = me.data?.user.role ?? user?.role
  const name = me.data?.user.name ?? user?.name ?? ''

  return (
    <ElderPage>
      <View className='page-title'>我的账号</View>
      <DataStatus state={me} testId='account' />
      {me.data && (
        <View className='card' data-testid='account-name'>
          <View className='card__title'>称呼</View>
          {role === 'elder' || role === 'worker' || role === 'admin' ? (
            <View>
              <View className='account-name'>{name}</View>
              <View className='hint'>{REGISTERED_NAME_NOTES[role]}</View>
            </View>
          ) : (
            <NameEditor
              initial={name === UNNAMED_USER ? '' : name}
              action='保存称呼'
              testId='account-name-editor'
              onSaved={(session) => {
                setSaved(`已保存。大家现在看到的称呼是“${session.user.name}”。`)
                me.setData((current) => ({ ...current, user: { ...current.user, name: session.user.name, needsName: undefined } }))
              }}
            />
          )}
          {saved && <Notice kind='success' message={saved} testId='account-name-saved' />}
          {role && <View className='hint'>身份：{roleNames[role]}</View>}
        </View>
      )}
      {me.data?.boundElders && me.data.boundElders.length > 0 && (
        <View className='card' data-testid='account-relations'>
          <View className='card__title'>我和长辈的关系</View>
          {me.data.boundElders.map((elder) => (
            <RelationRow
              key={elder.elderId}
              elder={elder}
              onChanged={(changed) =>
                me.setData((current) => ({
                  ...current,
                  boundElders: current.boundElders?.map((item) => (item.elderId === changed.elderId ? changed : item)),
                }))
              }
            />
          ))}
        </View>
      )}
      <View className='card'>
        <View className='card__title'>隐私与协议</View>
        <Tap className='link' testId='account-my-data' onTap={() => goTo('/pages/my-data/index')}>
          我在颐邻的信息（查看、下载、注销） ›
        </Tap>
        <Tap className='link' testId='account-privacy' onTap={() => goTo('/pages/legal/index?doc=privacy')}>
          颐邻隐私保护指引 ›
        </Tap>
        <Tap className='link' testId='account-terms' onTap={() => goTo('/pages/legal/index?doc=terms')}>
          颐邻用户协议 ›
        </Tap>
      </View>
    </ElderPage>
  )
}
