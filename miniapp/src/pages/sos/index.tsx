import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EMERGENCY_NUMBER, alertLevelNames, alertStatusNames, type AlertResponse, type AlertView, type ElderAlertsResponse } from '@yilin/contract'
import { getElderAlerts } from '../../api/notify'
import { useRefreshWhileShown } from '../../shared/useRefreshWhileShown'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { PhoneLink } from '../../components/PhoneLink'
import { CallButton, SosButton } from '../../components/SosButton'
import { elderIdForPage } from '../../lib/currentElder'
import { formatMonthDayTime } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import './index.css'

type Loaded = { elderId: string; alerts: ElderAlertsResponse }

/** While the page is open, who has answered reaches it within seconds. */
const REFRESH_MS = 10_000

/** The call still open: when it went, whether someone is on it (who, and their number), how far it has gone. */
function OpenCall({ alert, toElder }: { alert: AlertView; toElder: boolean }) {
  const by = alert.raisedByName !== '本人' ? alert.raisedByName : toElder ? '' : `${alert.elderName}本人`
  const { responder } = alert
  const level = alertLevelNames[alert.level]
  return (
    <>
      <View className='sos-status' data-testid='sos-status'>
        <View className='sos-status__title'>已经发出求助</View>
        <View>
          {formatMonthDayTime(alert.raisedAt)} {by}发出
        </View>
      </View>
      {responder ? (
        <View className='sos-responder' data-testid='sos-responder'>
          <View className='sos-responder__who'>
            {responder.post} {responder.name} 正在处理
          </View>
          {responder.phone && <PhoneLink phone={responder.phone} name={`${responder.post}${responder.name}`} testId='sos-responder-phone' />}
        </View>
      ) : (
        <View className='sos-waiting' data-testid='sos-waiting'>
          <View className='sos-waiting__title'>正在等社区的人响应</View>
          <View>{toElder ? '社区的人会马上联系您，请把手机放在身边。' : `社区的人会马上联系${alert.elderName}。`}</View>
        </View>
      )}
      {alert.level !== 'community' && (
        <Notice kind='info' message={responder ? `已通知${level}` : `社区还没有人响应，已通知${level}`} testId='sos-level' />
      )}
    </>
  )
}

/** A call dealt with: when, its state in words, who dealt with it and what they wrote. */
function RecentCall({ alert }: { alert: AlertView }) {
  return (
    <View className='sos-recent' data-testid={`sos-recent-${alert.alertId}`}>
      <View className='sos-recent__head'>
        <View className={`status ${alert.status === 'resolved' ? 'status--done' : 'status--ok'}`}>
          {alert.status === 'resolved' ? '✓ ' : ''}
          {alertStatusNames[alert.status]}
        </View>
        <View className='sos-recent__when'>{formatMonthDayTime(alert.raisedAt)}</View>
      </View>
      {alert.resolvedByName && (
        <View>
          {alert.resolvedByName} 处理{alert.note ? `：${alert.note}` : ''}
        </View>
      )}
    </View>
  )
}

/**
 * 紧急求助 for the elder, or for a bound relative (`?elderId=`, else the current elder): with no call open,
 * the big button; with one open, who is on it. The numbers to call at once are always there.
 */
export default function SosPage() {
  const { params } = useRouter()
  const toElder = currentUser()?.role === 'elder'
  // Null when a family member has no bound elder.
  const page = useData<Loaded | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      if (!elderId) return null
      return { elderId, alerts: await getElderAlerts(elderId) }
    },
    { onShow: true },
  )
  useRefreshWhileShown(page.reload, REFRESH_MS)
  // The call just made, shown at once; a refresh that began before it was made may not list it yet.
  const [raised, setRaised] = useState<AlertResponse | null>(null)
  const loaded = page.data?.alerts
  const justRaised = raised && !loaded?.recent.some((alert) => alert.alertId === raised.alert.alertId) ? raised : null
  const open = loaded?.open ?? justRaised?.alert
  const callNumbers = loaded?.callNumbers.length ? loaded.callNumbers : (justRaised?.callNumbers ?? [])
  const elderName = loaded?.elder.name ?? ''
  const elderPhone = open?.elderPhone ?? loaded?.recent[0]?.elderPhone

  return (
    <ElderPage>
      <View className='page-title' data-testid='sos-title'>
        {toElder || !elderName ? '紧急求助' : `为${elderName}紧急求助`}
      </View>
      {page.data === null && <Notice kind='info' message='您还没有绑定长辈。' testId='sos-no-elder' />}
      <DataStatus state={page} testId='sos' />
      {/* Before the page has loaded, or when the network is gone, 120 can still be called. */}
      {!page.data && <CallButton label={`急救电话 ${EMERGENCY_NUMBER}`} phone={EMERGENCY_NUMBER} testId='sos-call-emergency' />}
      {page.data && (
        <>
          {open ? (
            <>
              {raised?.replayed && open.alertId === raised.alert.alertId && (
                <Notice kind='info' message='刚才的求助还没处理完，社区的人已经收到了，不用再按。' testId='sos-replayed' />
              )}
              <OpenCall alert={open} toElder={toElder} />
            </>
          ) : (
            <>
              <View className='hint'>{toElder ? '按下以后，社区的人和您的家人会马上收到。' : `按下以后，社区的人会马上收到，去看${elderName}。`}</View>
              <SosButton elderId={page.data.elderId} onRaised={setRaised} />
            </>
          )}
          <View className='section-title'>马上打电话</View>
          {callNumbers.map((number, index) => (
            <CallButton key={index} label={number.label} phone={number.phone} testId={`sos-call-${index}`} />
          ))}
          {!toElder && elderPhone && (
            <>
              <View className='sos-elder-call'>您可以马上打电话给{elderName}</View>
              <CallButton label={`${elderName}的电话`} phone={elderPhone} testId='sos-call-elder' />
            </>
          )}
          {loaded && loaded.recent.length > 0 && (
            <>
              <View className='section-title'>最近的求助</View>
              {loaded.recent.map((alert) => (
                <RecentCall key={alert.alertId} alert={alert} />
              ))}
            </>
          )}
        </>
      )}
    </ElderPage>
  )
}
