import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderProfile, MeResponse } from '@yilin/contract'
import { getElder, getMe } from '../../api'
import { ContactEditor } from '../../components/ContactEditor'
import { ElderPage } from '../../components/ElderPage'
import { ElderProfileView } from '../../components/ElderProfileView'
import { Field } from '../../components/Field'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { resolveCurrentElder } from '../../lib/currentElder'
import { roleNames } from '../../lib/labels'
import { currentElderId, currentUser } from '../../lib/session'
import { goTo } from '../../lib/navigation'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import './index.css'

type Loaded = { kind: 'elder'; elder: ElderProfile } | { kind: 'person'; me: MeResponse }

/** Whose profile to show: the one asked for, else one's own, else the family member's current elder. */
async function loadProfile(elderId: string | undefined): Promise<Loaded> {
  if (elderId) return { kind: 'elder', elder: (await getElder(elderId)).elder }
  const role = currentUser()?.role
  const storedElderId = role === 'family' ? currentElderId() : null
  if (storedElderId) return { kind: 'elder', elder: (await getElder(storedElderId)).elder }

  const me = await getMe()
  if (me.elder) return { kind: 'elder', elder: me.elder }
  const current = resolveCurrentElder(me.boundElders ?? [])
  if (current) return { kind: 'elder', elder: (await getElder(current.elderId)).elder }
  return { kind: 'person', me }
}

function PersonView({ me }: { me: MeResponse }) {
  return (
    <View className='card'>
      <View className='card__title' data-testid='profile-name'>
        {me.user.name}
      </View>
      <Field label='身份' testId='profile-role'>
        {roleNames[me.user.role]}
      </Field>
      {me.community && (
        <Field label='所在社区' testId='profile-community'>
          {me.community.name}（{me.community.centreName}）
        </Field>
      )}
    </View>
  )
}

export default function ProfilePage() {
  const { params } = useRouter()
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  // While the form is open, the profile it was opened on stays as it was.
  const profile = useData(() => loadProfile(params.elderId), { onShow: true, enabled: !editing })
  const loaded = profile.data

  function onSaved(elder: ElderProfile) {
    profile.setData({ kind: 'elder', elder })
    setEditing(false)
    setSaved(true)
  }

  return (
    <ElderPage>
      <DataStatus state={profile} testId='profile' />
      {loaded?.kind === 'person' && <PersonView me={loaded.me} />}
      {loaded?.kind === 'elder' &&
        (editing ? (
          <ContactEditor elder={loaded.elder} onSaved={onSaved} onCancel={() => setEditing(false)} />
        ) : (
          <>
            {saved && <Notice kind='success' message='已保存。' testId='profile-saved' />}
            <ElderProfileView elder={loaded.elder} />
            <View className='hint'>年龄、补贴类别和行动情况由社区工作者上门核实后填写。</View>
            <Tap
              className='btn btn--primary'
              testId='profile-edit'
              onTap={() => {
                setSaved(false)
                setEditing(true)
              }}
            >
              修改电话、住址、饮食和紧急联系人
            </Tap>
            {(currentUser()?.role === 'elder' || currentUser()?.role === 'family') && (
              <Tap className='btn btn--secondary' testId='profile-access-log' onTap={() => goTo(`/pages/access-log/index?elderId=${loaded.elder.elderId}`)}>
                谁看过、改过{currentUser()?.role === 'elder' ? '我' : loaded.elder.name}的资料
              </Tap>
            )}
          </>
        ))}
    </ElderPage>
  )
}
