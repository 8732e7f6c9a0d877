import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { relativeLabel, type BindingView, type ElderSummary, type MeResponse } from '@yilin/contract'
import { getMe } from '../../api'
import { ElderPage } from '../../components/ElderPage'
import { DataStatus } from '../../components/DataStatus'
import { NameEditor } from '../../components/NameEditor'
import { Notice } from '../../components/Notice'
import { HEALTH_URL, SERVICES_URL } from '../../lib/services'
import { WISHES_URL } from '../../lib/wishes'
import { resolveCurrentElder } from '../../lib/currentElder'
import { formatDateTime } from '../../lib/format'
import { elderTitleSuffix, roleNames } from '../../lib/labels'
import { goTo, LOGIN_URL, STAFF_HOME_URL } from '../../lib/navigation'
import { clearSession, currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import { VolunteerHome } from './VolunteerHome'
import { PrivacyConsent } from './PrivacyConsent'
import { getMessages } from '../../api/notify'
import { AlertsBanner, ADMIN_ALERTS_URL, WORKER_ALERTS_URL } from '../../components/AlertsBanner'
import { SosButton } from '../../components/SosButton'
import { loadSubscriptionTopics } from '../../lib/subscribe'
import './index.css'

const SOS_URL = '/pages/sos/index'
const MESSAGES_URL = '/pages/messages/index'

interface TileProps {
  testId: string
  title: string
  note: string
  url: string
}

function Tile({ testId, title, note, url }: TileProps) {
  return (
    <Tap className='tile' testId={testId} onTap={() => goTo(url)}>
      <View className='tile__title'>{title}</View>
      <View className='tile__note'>{note}</View>
    </Tap>
  )
}

function ElderSwitcher({ elder, count }: { elder: ElderSummary; count: number }) {
  return (
    <Tap className='switcher' testId='home-elder-switcher' onTap={() => goTo('/pages/elders/index')}>
      <View className='switcher__label'>正在照看</View>
      <View className='switcher__name' data-testid='home-current-elder'>
        {elder.name}
        {elderTitleSuffix(elder)}
      </View>
      <View className='switcher__action'>{count > 1 ? `共 ${count} 位长辈，点这里换一位 ›` : '点这里查看已绑定的长辈 ›'}</View>
    </Tap>
  )
}

/**
 * A first WeChat sign-in makes a family account, so the person may be an elder on their own phone:
 * ask which they are, with big choices (a neighbour may also have come to volunteer).
 */
function NoElderChoices() {
  return (
    <View>
      <Notice kind='info' testId='home-no-elder' message='您还没有绑定长辈。请选一项：您是长辈的家属，还是长辈本人？' />
      <Tap className='tile tile--choice' testId='home-tile-bind-elder' onTap={() => goTo('/pages/binding/index')}>
        <View className='tile__title'>我是家属</View>
        <View className='tile__note'>输入长辈给的 6 位邀请码</View>
      </Tap>
      <Tap className='tile tile--choice' testId='home-tile-claim' onTap={() => goTo('/pages/claim/index')}>
        <View className='tile__title'>我是长辈本人</View>
        <View className='tile__note'>输入社区给的 6 位登录码</View>
      </Tap>
      <Tap className='tile tile--choice' testId='home-tile-volunteer-sign-up' onTap={() => goTo('/volunteer/sign-up/index')}>
        <View className='tile__title'>我是志愿者</View>
        <View className='tile__note'>报名帮社区的长辈，社区确认后开始</View>
      </Tap>
      <Tap className='tile tile--choice' testId='home-tile-staff-claim' onTap={() => goTo('/pages/staff-claim/index')}>
        <View className='tile__title'>我是社区工作者/服务人员</View>
        <View className='tile__note'>输入县级平台给的 6 位岗位码</View>
      </Tap>
    </View>
  )
}

function FamilyTiles({ me, current }: { me: MeResponse; current: ElderSummary | null }) {
  if (!current) return <NoElderChoices />
  return (
    <View>
      <ElderSwitcher elder={current} count={me.boundElders?.length ?? 0} />
      <Tile testId='home-tile-sos' title='紧急求助' note={`${current.name}出事了？在这里叫社区的人，打 120 和值班电话`} url={`${SOS_URL}?elderId=${current.elderId}`} />
      <Tile testId='home-tile-canteen' title='助餐订餐' note={`给${current.name}订午餐、晚餐`} url='/pages/canteen/index' />
      <Tile testId='home-tile-orders' title={`${current.name}的订单`} note='饭送到了没有，在这里看' url='/pages/orders/index' />
      <Tile testId='home-tile-services' title='上门服务' note={`给${current.name}约保洁、助浴、医生上门，看谁来`} url={SERVICES_URL} />
      <Tile testId='home-tile-health' title={`${current.name}的健康记录`} note='上门量的血压、血糖' url={HEALTH_URL} />
      <Tile testId='home-tile-wishes' title='微心愿' note={`替${current.name}许个心愿，志愿者帮忙实现`} url={WISHES_URL} />
      <Tile testId='home-tile-elder-profile' title='长辈资料' note={`看看${current.name}的资料和联系方式`} url='/pages/profile/index' />
      <Tile testId='home-tile-bind-elder' title='绑定长辈' note='输入长辈给您的 6 位邀请码' url='/pages/binding/index' />
    </View>
  )
}

/**
 * Relatives bound to the elder this week, each with when: someone the elder does not know (a code told to
 * the wrong person) is noticed here and removed on the binding page.
 */
function NewBindings({ bindings }: { bindings: BindingView[] }) {
  return (
    <View className='card new-bindings' data-testid='home-new-bindings'>
      <View className='card__title'>最近绑定您的家人</View>
      {bindings.map((binding) => (
        <View key={binding.familyId} className='new-bindings__row' data-testid={`home-new-binding-${binding.familyId}`}>
          {relativeLabel(binding.name, binding.relation)}，{formatDateTime(binding.boundAt)} 绑定
        </View>
      ))}
      <View className='hint'>有不认识的人吗？请点下面的“家人绑定”，把他解除。</View>
    </View>
  )
}

const ACCOUNT_NOTES: Record<MeResponse['user']['role'], string> = {
  elder: '隐私保护指引和用户协议',
  family: '您的称呼、您和长辈的关系、隐私',
  volunteer: '您的称呼和隐私',
  worker: '隐私保护指引和用户协议',
  staff: '隐私保护指引和用户协议',
  admin: '隐私保护指引和用户协议',
}

/** Asked once, on the home page of a new WeChat account that is still called 微信用户. */
function AskName({ onNamed }: { onNamed: (name: string) => void }) {
  return (
    <View className='card' data-testid='home-ask-name'>
      <View className='card__title'>怎么称呼您？</View>
      <NameEditor initial='' action='保存称呼' testId='home-name' onSaved={(session) => onNamed(session.user.name)} />
    </View>
  )
}

function RoleTiles({ me, current, unread }: { me: MeResponse; current: ElderSummary | null; unread: number }) {
  return (
    <View>
      <TilesOfRole me={me} current={current} />
      {(me.user.role !== 'family' || current) && (
        <Tile testId='home-tile-messages' title={unread > 0 ? `消息（${unread >= 100 ? '99+' : unread} 条新的）` : '消息'} note='订餐、上门、心愿和求助的通知，都在这里' url={MESSAGES_URL} />
      )}
      <Tile testId='home-tile-account' title='我的账号' note={ACCOUNT_NOTES[me.user.role]} url='/pages/account/index' />
    </View>
  )
}

function TilesOfRole({ me, current }: { me: MeResponse; current: ElderSummary | null }) {
  switch (me.user.role) {
    case 'elder':
      return (
        <View>
          <SosButton elderId={me.user.userId} onRaised={() => goTo(SOS_URL)} />
          <Tap className='link sos-page-link' testId='home-sos-page' onTap={() => goTo(SOS_URL)}>
            不想按按钮？点这里直接打 120 或社区值班电话 ›
          </Tap>
          {me.newBindings && me.newBindings.length > 0 && <NewBindings bindings={me.newBindings} />}
          <Tile testId='home-tile-canteen' title='助餐订餐' note='看菜单，订午餐、晚餐' url='/pages/canteen/index' />
          <Tile testId='home-tile-orders' title='我的订单' note='订了哪几餐，送到了没有' url='/pages/orders/index' />
          <Tile testId='home-tile-services' title='上门服务' note='约保洁、助浴、医生上门，看谁来' url={SERVICES_URL} />
          <Tile testId='home-tile-health' title='健康记录' note='上门量的血压、血糖' url={HEALTH_URL} />
          <Tile testId='home-tile-wishes' title='微心愿' note='说出想要的帮助，志愿者帮您实现' url={WISHES_URL} />
          <Tile testId='home-tile-profile' title='我的资料' note='电话、住址、饮食和紧急联系人' url='/pages/profile/index' />
          <Tile testId='home-tile-binding' title='家人绑定' note='让家人帮您办事、看您的资料' url='/pages/binding/index' />
        </View>
      )
    case 'family':
      return <FamilyTiles me={me} current={current} />
    case 'worker':
      return (
        <View>
          <AlertsBanner role='worker' />
          <Tile testId='home-tile-alerts' title='紧急求助' note='长辈按了求助按钮，先处理这里；值班电话；没发出去的通知' url={WORKER_ALERTS_URL} />
          <Tile testId='home-tile-dashboard' title='数据看板' note='今天的餐、上门、心愿，哪位独居长辈该去看看' url='/worker/dashboard/index' />
          <Tile testId='home-tile-board' title='今日助餐' note='今天谁订了餐，确认、送餐、取餐' url='/worker/board/index' />
          <Tile testId='home-tile-menus' title='菜单管理' note='发布和修改两周的菜单' url='/worker/menus/index' />
          <Tile testId='home-tile-statement' title='补贴结算单' note='每月每位长辈的用餐和补贴' url='/worker/statement/index' />
          <Tile testId='home-tile-community-elders' title='本社区长辈' note='查看和核实长辈资料' url='/worker/elders/index' />
          <Tile testId='home-tile-volunteers' title='本社区志愿者' note='确认报名的志愿者，标记党员' url='/worker/volunteers/index' />
          <Tile testId='home-tile-dispatch' title='派单' note='上门服务的预约：安排人员、改期' url='/worker/dispatch/index' />
          <Tile testId='home-tile-care-services' title='服务项目' note='上门服务的项目、时段、价格和补贴' url='/worker/services/index' />
          <Tile testId='home-tile-centre-staff' title='服务人员' note='保洁、护理、医生：添加、技能、照片' url='/worker/staff/index' />
          <Tile testId='home-tile-worker-wishes' title='微心愿' note='审核长辈的心愿，看谁认领了、办好了没有' url='/worker/wishes/index' />
          <Tile testId='home-tile-store' title='积分超市' note='兑换的物品、库存、待领取的兑换' url='/worker/store/index' />
          <Tile testId='home-tile-audit' title='操作记录' note='谁在什么时候改了什么、看了谁的健康档案' url='/worker/audit/index' />
        </View>
      )
    case 'admin':
      return (
        <View>
          <AlertsBanner role='admin' />
          <Tile testId='home-tile-alerts' title='紧急求助' note='社区和服务中心都没人响应的求助，转到这里' url={ADMIN_ALERTS_URL} />
          <Tile testId='home-tile-county-dashboard' title='全县数据' note='各中心的餐、上门、心愿和积分，按月对比' url='/admin/dashboard/index' />
          <Tile testId='home-tile-report' title='月度结算报表' note='全县助餐和上门服务补贴，下载或打印' url='/admin/report/index' />
          <Tile testId='home-tile-statement' title='补贴结算单' note='选一个服务中心，看每月助餐补贴' url='/worker/statement/index' />
          <Tile testId='home-tile-county' title='全县社区' note='服务中心和社区一览' url='/admin/index' />
          <Tile testId='home-tile-org' title='服务中心和社区' note='新建、改名' url='/admin/org/index' />
          <Tile testId='home-tile-workers' title='工作人员' note='社区工作者和服务人员：添加、岗位码、调岗、离岗' url='/admin/workers/index' />
          <Tile testId='home-tile-audit' title='操作记录' note='按人、按长辈、按日期查谁做了什么' url='/admin/audit/index' />
        </View>
      )
    case 'staff':
      return <Tile testId='home-tile-staff-day' title='今天的上门' note='要去的长辈家、开门暗号、签到签退和记录' url={STAFF_HOME_URL} />
    case 'volunteer':
      return (
        <View>
          <VolunteerHome me={me} />
        </View>
      )
    default:
      return null
  }
}

export default function HomePage() {
  const user = currentUser()
  const home = useData(
    async () => {
      const answer = await getMe()
      return { me: answer, current: resolveCurrentElder(answer.boundElders ?? []) }
    },
    { onShow: true, enabled: user !== null },
  )
  const me = home.data?.me
  // New messages, counted on every return to the home page; the subscribe templates, read once for the taps that ask.
  const messages = useData(async () => (await getMessages()).unread, { onShow: true, enabled: user !== null })
  useDidShow(() => void loadSubscriptionTopics())

  // Someone no longer signed in starts again from sign-in.
  useDidShow(() => {
    if (!currentUser()) void Taro.reLaunch({ url: LOGIN_URL })
  })

  function signOut() {
    clearSession()
    void Taro.reLaunch({ url: LOGIN_URL })
  }

  const name = me?.user.name ?? user?.name ?? ''
  const role = me?.user.role ?? user?.role
  return (
    <ElderPage>
      <View className='greeting' data-testid='home-greeting'>
        {name}，您好
      </View>
      <View className='greeting__sub' data-testid='home-community'>
        {role ? roleNames[role] : ''}
        {me?.community ? ` · ${me.community.name}` : ''}
      </View>
      <DataStatus state={home} testId='home' />
      {/* Emergency help never waits for anything, not even the privacy notice. */}
      {me?.user.role === 'elder' && me.privacyNotice?.accepted === false && <SosButton elderId={me.user.userId} onRaised={() => goTo(SOS_URL)} />}
      {/* The privacy notice in force comes before anything else; the server always says whether it was accepted. */}
      {me && me.privacyNotice?.accepted === false && (
        <PrivacyConsent communityName={me.community?.name} onAccepted={(privacyNotice) => home.setData((current) => ({ ...current, me: { ...current.me, privacyNotice } }))} />
      )}
      {me?.privacyNotice?.accepted !== false && (
        <>
          {me?.user.needsName && (
            <AskName onNamed={(named) => home.setData((current) => ({ ...current, me: { ...current.me, user: { ...current.me.user, name: named, needsName: undefined } } }))} />
          )}
          {home.data && <RoleTiles me={home.data.me} current={home.data.current} unread={messages.data ?? 0} />}
        </>
      )}
      <Tap className='link' testId='home-sign-out' onTap={signOut}>
        退出登录
      </Tap>
    </ElderPage>
  )
}
