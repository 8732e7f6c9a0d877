import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderProfile, MeResponse } from '@yilin/functions/src/schemas/people'
import { getElder, getMe } from '../../api'
import { messageOf } from '../../api/client'
import { ContactEditor } from '../../components/ContactEditor'
import { ElderPage } from '../../components/ElderPage'
import { ElderProfileView } from '../../components/ElderProfileView'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { resolveCurrentElder } from '../../lib/currentElder'
import { roleNames } from '../../lib/labels'
import { currentElderId, currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
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
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState('')
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)

  useDidShow(() => {
    if (editing) return
    loadProfile(params.elderId)
      .then((result) => {
        setLoaded(result)
        setError('')
      })
      .catch((err) => setError(messageOf(err)))
  })

  function onSaved(elder: ElderProfile) {
    setLoaded({ kind: 'elder', elder })
    setEditing(false)
    setSaved(true)
  }

  return (
    <ElderPage>
      {error && <Notice kind='error' message={error} testId='profile-error' />}
      {!loaded && !error && <Loading />}
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
          </>
        ))}
    </ElderPage>
  )
}
