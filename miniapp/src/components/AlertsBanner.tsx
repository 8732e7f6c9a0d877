import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { getMyAlerts } from '../api/notify'
import { goTo } from '../lib/navigation'
import { currentUser } from '../lib/session'
import { useData } from '../shared/useData'
import { useRefreshWhileShown } from '../shared/useRefreshWhileShown'
import { Tap } from './Tap'
import './alerts.css'

export const WORKER_ALERTS_URL = '/worker/alerts/index'
export const ADMIN_ALERTS_URL = '/admin/alerts/index'

const REFRESH_MS = 30_000

/**
 * On the worker's and the admin's home page: while any elder's call is still open, a banner that says so
 * in words (紧急, how many) and opens the calls; nothing otherwise.
 */
export function AlertsBanner({ role = currentUser()?.role === 'admin' ? 'admin' : 'worker' }: { role?: 'worker' | 'admin' }) {
  // Shown under the home page's own data, so it mounts after the page was first shown: it loads when it
  // mounts, and again whenever the page is shown again and every half minute while it is on screen.
  const alerts = useData(getMyAlerts)
  useDidShow(() => void alerts.reload())
  useRefreshWhileShown(alerts.reload, REFRESH_MS)
  const count = alerts.data?.open.length ?? 0
  if (count === 0) return null
  return (
    <Tap className='alerts-banner' testId='home-alerts-banner' onTap={() => goTo(role === 'admin' ? ADMIN_ALERTS_URL : WORKER_ALERTS_URL)}>
      <View className='alerts-banner__tag'>紧急</View>
      <View className='alerts-banner__text'>有 {count} 位长辈在求助，点这里处理</View>
    </Tap>
  )
}
