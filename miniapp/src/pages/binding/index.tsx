import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { currentUser } from '../../lib/session'
import { ElderPage } from '../../components/ElderPage'
import { invitationCard, keepInvitation, shownInvitationCode } from '../../lib/invitation'
import { LOGIN_URL } from '../../lib/navigation'
import { ElderBindings } from './ElderBindings'
import { RedeemCode } from './RedeemCode'
import './index.css'

const isCode = (value: string | undefined): value is string => /^\d{6}$/.test(value ?? '')

/**
 * Elders invite family with a one-time code (and can send it as a WeChat card); family members type the
 * code in, or open the card, which brings it filled in.
 */
export default function BindingPage() {
  const { params } = useRouter()
  const user = currentUser()
  const sharedCode = isCode(params.code) ? params.code : undefined

  useShareAppMessage(() => invitationCard(user?.name ?? '', shownInvitationCode()))

  if (!user && sharedCode) {
    // Opened from a card before signing in: sign in first, then come back to the code.
    keepInvitation(sharedCode)
    void Taro.reLaunch({ url: LOGIN_URL })
    return null
  }
  return <ElderPage>{user?.role === 'family' ? <RedeemCode initialCode={sharedCode} /> : <ElderBindings />}</ElderPage>
}
