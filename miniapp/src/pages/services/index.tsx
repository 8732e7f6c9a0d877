import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderServiceOffer, ElderServicesResponse } from '@yilin/contract'
import { getElderServices } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { serviceCategoryNames } from '../../lib/care'
import { bookingsUrl, bookUrl, categoryOrder, durationText } from '../../lib/services'
import { elderIdForPage } from '../../lib/currentElder'
import { yuan } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import './index.css'

function ServiceCard({ elderId, offer }: { elderId: string; offer: ElderServiceOffer }) {
  const { service, price } = offer
  const testId = (part: string) => `services-${part}-${service.serviceId}`
  return (
    <View className='card service' data-testid={testId('card')}>
      <View className='card__title'>{service.name}</View>
      <View className='service__description'>{service.description}</View>
      <View className='hint'>每次{durationText(service.durationMinutes)}</View>
      <View className='service__price' data-testid={testId('price')}>
        自付 {yuan(price.priceFen)}
      </View>
      <View className='service__reason'>{price.reason}</View>
      <Tap className='btn btn--primary btn--big' testId={testId('book')} onTap={() => goTo(bookUrl(elderId, service.serviceId))}>
        预约{service.name}
      </Tap>
    </View>
  )
}

/** The services the elder's centre offers, by category, each with the elder's own price and why. */
export default function ServicesPage() {
  const { params } = useRouter()
  const isElder = currentUser()?.role === 'elder'
  // Null when a family member has no bound elder.
  const view = useData<{ elderId: string; answer: ElderServicesResponse } | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      return elderId ? { elderId, answer: await getElderServices(elderId) } : null
    },
    { onShow: true },
  )
  const answer = view.data?.answer
  const elderId = view.data?.elderId
  const forName = !isElder && answer ? answer.elder.name : undefined

  return (
    <ElderPage>
      <View className='page-title' data-testid='services-title'>
        {forName ? `为${forName}约上门服务` : '上门服务'}
      </View>
      {answer && (
        <View className='hint'>
          {answer.centreName}派人上门。上门前 {answer.cancelHoursBefore} 小时以前可以自己取消。
        </View>
      )}
      {view.data === null && <Notice kind='info' message='您还没有绑定长辈，绑定后就能帮长辈约上门服务。' testId='services-no-elder' />}
      <DataStatus state={view} testId='services' empty={{ when: (loaded) => loaded.answer.services.length === 0, message: '服务中心还没有开放上门服务，请过几天再来看。' }} />
      {elderId && (
        <Tap className='btn btn--secondary' testId='services-bookings' onTap={() => goTo(bookingsUrl(elderId))}>
          {forName ? `${forName}的预约` : '我的预约'}
        </Tap>
      )}
      {answer &&
        elderId &&
        categoryOrder.map((category) => {
          const offers = answer.services.filter((offer) => offer.service.category === category)
          if (offers.length === 0) return null
          return (
            <View key={category} data-testid={`services-category-${category}`}>
              <View className='section-title'>{serviceCategoryNames[category]}</View>
              {offers.map((offer) => (
                <ServiceCard key={offer.service.serviceId} elderId={elderId} offer={offer} />
              ))}
            </View>
          )
        })}
    </ElderPage>
  )
}
