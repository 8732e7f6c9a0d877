import { currentUser } from '../../lib/session'
import { ElderPage } from '../../components/ElderPage'
import { ElderBindings } from './ElderBindings'
import { RedeemCode } from './RedeemCode'
import './index.css'

/** Elders invite family with a one-time code; family members type that code in. */
export default function BindingPage() {
  const role = currentUser()?.role
  return <ElderPage>{role === 'family' ? <RedeemCode /> : <ElderBindings />}</ElderPage>
}
