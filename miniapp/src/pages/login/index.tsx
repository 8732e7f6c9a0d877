import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Role } from '@yilin/contract'
import type { DemoAccount, SessionResponse } from '@yilin/contract'
import { listDemoAccounts, signInAsDemo, signInWithWechat } from '../../api'
import { acceptPrivacyNotice } from '../../api/consent'
import { LEGAL_VERSION } from '../../lib/legal'
import { ApiError, messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { DataStatus } from '../../components/DataStatus'
import { NameEditor } from '../../components/NameEditor'
import { Notice } from '../../components/Notice'
import { roleNames, roleOrder } from '../../lib/labels'
import { goTo, homeOf, pageAfterSignIn } from '../../lib/navigation'
import { currentSession, interrupted, saveSession } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import './index.css'

/** Read when the page renders: the build sets it once, tests switch it. */
const isWeapp = () => process.env.TARO_ENV === 'weapp'

function enter(session: SessionResponse) {
  saveSession(session)
  void Taro.reLaunch({ url: pageAfterSignIn(session.user.userId, session.user.role) })
}

/** Why someone who was signed in is asked again, and that nothing they filled in is lost. */
function lapsedMessage(): string {
  const record = interrupted()
  if (!record?.userId) return ''
  if (record.reason === 'revoked') return '您的岗位有变动，请重新登录。'
  if (record.reason === 'closed') return '您的账户已经注销。如有疑问，请联系社区工作者。'
  return record.work ? '登录已过期，请重新登录。刚才填写的内容已为您保留，登录后会回到原来的页面。' : '登录已过期，请重新登录。'
}

/** The privacy notice and the user agreement, one tap away from signing in. */
function LegalLinks() {
  return (
    <View className='login-legal' data-testid='login-legal'>
      <View className='hint'>请阅读：</View>
      <Tap className='link' testId='login-privacy' onTap={() => goTo('/pages/legal/index?doc=privacy')}>
        《颐邻隐私保护指引》
      </Tap>
      <Tap className='link' testId='login-terms' onTap={() => goTo('/pages/legal/index?doc=terms')}>
        《颐邻用户协议》
      </Tap>
    </View>
  )
}

/** A new account is still called 微信用户: ask what to call the person before anything else. */
function FirstName({ session }: { session: SessionResponse }) {
  return (
    <View className='card' data-testid='login-first-name'>
      <View className='card__title'>欢迎使用颐邻！怎么称呼您？</View>
      <NameEditor initial='' action='下一步' testId='login-name' onSaved={enter} />
      <Tap className='link' testId='login-name-later' onTap={() => enter(session)}>
        以后再说
      </Tap>
    </View>
  )
}

function WechatSignIn() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [unnamed, setUnnamed] = useState<SessionResponse | null>(null)
  // Consent is given by ticking, never assumed: the box starts empty.
  const [agreed, setAgreed] = useState(false)

  async function signIn() {
    if (busy) return
    if (!agreed) {
      setError('请先阅读下面的隐私保护指引和用户协议，同意的话在上面打勾，再登录。')
      return
    }
    setBusy(true)
    setError('')
    try {
      const { code } = await Taro.login()
      const session = await signInWithWechat(code)
      saveSession(session)
      // The tick is the acceptance: kept on the server with its version. Not kept (a network hiccup), the home page asks again.
      await acceptPrivacyNotice(LEGAL_VERSION).catch(() => undefined)
      if (session.user.needsName) {
        setUnnamed(session)
        return
      }
      enter(session)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  if (unnamed) return <FirstName session={unnamed} />
  return (
    <View>
      <Tap
        className={agreed ? 'toggle toggle--on' : 'toggle'}
        testId='login-agree'
        role='checkbox'
        checked={agreed}
        onTap={() => {
          setAgreed(!agreed)
          setError('')
        }}
      >
        {agreed ? '☑ ' : '☐ '}我已阅读并同意《颐邻隐私保护指引》和《颐邻用户协议》
      </Tap>
      <Tap className='btn btn--primary' testId='login-wechat' onTap={signIn}>
        {busy ? '正在登录…' : '微信一键登录'}
      </Tap>
      {error && <Notice kind='error' message={error} testId='login-error' />}
    </View>
  )
}

/** The demo accounts, or null where there are none (any stage but the local one answers 404). */
async function demoAccounts(): Promise<DemoAccount[] | null> {
  try {
    return (await listDemoAccounts()).accounts
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}

/** The local stage has no WeChat: pick one of the seeded people to see the app through their eyes. */
function DemoSignIn() {
  const accounts = useData(demoAccounts)
  const [signingIn, setSigningIn] = useState('')
  const [error, setError] = useState('')

  async function signIn(userId: string) {
    if (signingIn) return
    setSigningIn(userId)
    setError('')
    try {
      enter(await signInAsDemo(userId))
    } catch (err) {
      setError(messageOf(err))
      setSigningIn('')
    }
  }

  if (accounts.data === null) {
    return (
      <Notice
        kind='info'
        testId='login-demo-unavailable'
        message='这里是网页版，只在本地试用时提供体验账号。正式使用请在微信里打开“颐邻”小程序登录。'
      />
    )
  }
  const list = accounts.data
  if (!list) return <DataStatus state={accounts} testId='login' />

  const byRole = (role: Role) => list.filter((account) => account.role === role)
  return (
    <View>
      <View className='hint'>本地试用：选一位体验账号登录。</View>
      {error && <Notice kind='error' message={error} testId='login-error' />}
      {roleOrder
        .filter((role) => byRole(role).length > 0)
        .map((role) => (
          <View key={role} className='login-group' data-testid={`login-group-${role}`}>
            <View className='section-title'>{roleNames[role]}</View>
            {byRole(role).map((account) => (
              <Tap
                key={account.userId}
                className='login-account'
                testId={`login-account-${account.userId}`}
                onTap={() => signIn(account.userId)}
              >
                <View className='login-account__name'>
                  {account.name}
                  {signingIn === account.userId ? '（正在登录…）' : ''}
                </View>
                <View className='login-account__description'>{account.description}</View>
              </Tap>
            ))}
          </View>
        ))}
    </View>
  )
}

export default function LoginPage() {
  // Someone still signed in goes straight on to their home page.
  useDidShow(() => {
    const session = currentSession()
    if (session) void Taro.reLaunch({ url: homeOf(session.user.role) })
  })
  const [lapsed] = useState(lapsedMessage)

  return (
    <ElderPage>
      <View className='login-brand'>颐邻</View>
      <View className='login-slogan'>在家安心养老，邻里互相照应</View>
      {lapsed && <Notice kind='info' message={lapsed} testId='login-lapsed' />}
      {isWeapp() ? <WechatSignIn /> : <DemoSignIn />}
      <LegalLinks />
    </ElderPage>
  )
}
