import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { UNNAMED_USER } from '@yilin/contract'
import { listCommunityChoices, signUpAsVolunteer } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { goBackOrHome, HOME_URL, LOGIN_URL } from '../../lib/navigation'
import { clearSession, currentUser, saveSession } from '../../lib/session'
import { useData } from '../../shared/useData'

const MOBILE = /^1[3-9]\d{9}$/

/** What is wrong with the form before it goes to the server, or '' when nothing is. */
function problemOf(name: string, communityId: string, phone: string): string {
  if (name.trim() === '' || name.trim() === UNNAMED_USER) return '请填写社区和长辈认得出的称呼，如 李华'
  if (!communityId) return '请选择您所在的社区'
  if (!MOBILE.test(phone.trim())) return '手机号不对：请填 1 开头的 11 位手机号码'
  return ''
}

/**
 * 我是志愿者: a new account says what to call them, which community they help in and their mobile number.
 * The answer is a new session as a volunteer, waiting for a worker of the community to confirm them.
 */
export default function VolunteerSignUpPage() {
  const user = currentUser()
  const [name, setName] = useState(user && user.name !== UNNAMED_USER ? user.name : '')
  const [communityId, setCommunityId] = useState('')
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const choices = useData(listCommunityChoices, { enabled: user !== null })
  const counties = choices.data?.counties ?? []

  useDidShow(() => {
    if (!currentUser()) void Taro.reLaunch({ url: LOGIN_URL })
  })

  async function submit() {
    if (busy) return
    const problem = problemOf(name, communityId, phone)
    if (problem) {
      setError(problem)
      return
    }
    setBusy(true)
    setError('')
    try {
      const session = await signUpAsVolunteer({ name: name.trim(), communityId, phone: phone.trim() })
      // Start clean: nothing chosen as a family member carries over to the volunteer's account.
      clearSession()
      saveSession(session)
      void Taro.reLaunch({ url: HOME_URL })
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <ElderPage>
      <View className='card'>
        <View className='card__title'>我是志愿者</View>
        <View className='hint'>填好下面三项，社区工作者和您见面核实后就会确认您。确认以后，您可以认领长辈的微心愿、上门帮忙。</View>
        <View className='form-label'>怎么称呼您</View>
        <TextInput label='怎么称呼您' value={name} maxlength={20} placeholder='如 李华' testId='volunteer-name' onInput={(next) => { setName(next); setError('') }} />
        <View className='form-label'>您在哪个社区帮忙</View>
        <DataStatus state={choices} testId='volunteer-communities' />
        {counties.map((county) => (
          <View key={county.countyId} data-testid={`volunteer-county-${county.countyId}`}>
            {counties.length > 1 && <View className='form-label form-label--small'>{county.name}</View>}
            {county.centres.map((centre) => (
              <View key={centre.centreId}>
                <View className='form-label form-label--small'>{centre.name}</View>
                <View className='choices' role='radiogroup'>
                  {centre.communities.map((community) => {
                    const on = community.communityId === communityId
                    return (
                      <Tap
                        key={community.communityId}
                        className={on ? 'choice choice--on' : 'choice'}
                        testId={`volunteer-community-${community.communityId}`}
                        role='radio'
                        checked={on}
                        onTap={() => { setCommunityId(community.communityId); setError('') }}
                      >
                        {on ? '✓ ' : ''}
                        {community.name}
                      </Tap>
                    )
                  })}
                </View>
              </View>
            ))}
          </View>
        ))}
        <View className='form-label'>手机号</View>
        <TextInput label='手机号' type='number' value={phone} maxlength={11} placeholder='1 开头的 11 位手机号码' testId='volunteer-phone' onInput={(next) => { setPhone(next); setError('') }} />
        <View className='hint'>社区有长辈需要帮忙时会打这个电话。</View>
        {error && <Notice kind='error' message={error} testId='volunteer-error' />}
        <Tap className='btn btn--primary' testId='volunteer-submit' onTap={submit}>
          {busy ? '正在报名…' : '报名当志愿者'}
        </Tap>
        <Tap className='btn btn--secondary' testId='volunteer-back' onTap={goBackOrHome}>
          返回
        </Tap>
      </View>
    </ElderPage>
  )
}
