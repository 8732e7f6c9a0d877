import { useState } from 'react'
import { View } from '@tarojs/components'
import { serviceCategories, type CareSettingsView, type ServiceView, type TierSubsidies } from '@yilin/contract'
import { getCatalogue } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { serviceCategoryNames } from '../../lib/care'
import { yuan } from '../../lib/format'
import { priceFields, priceLabels, priceText } from '../../lib/pricing'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import { windowsText } from './draft'
import { ServiceForm } from './ServiceForm'
import { SettingsForm } from './SettingsForm'
import '../worker.css'

/** "80岁以上 ¥30 · 特困 ¥60", the tiers that get something; "没有补贴" when none does. */
function subsidyLine(tiers: TierSubsidies): string {
  const paid = priceFields.filter((field) => tiers[field] > 0)
  return paid.length ? paid.map((field) => `${priceLabels[field]} ${yuan(tiers[field])}`).join(' · ') : '没有补贴'
}

/** What the page shows instead of the list: a service's form (null for a new one) or the settings. */
type Editing = { service: ServiceView | null } | 'settings' | null

function ServiceRow({ service, onEdit }: { service: ServiceView; onEdit: () => void }) {
  return (
    <View className='worker-row' data-testid={`service-${service.serviceId}`}>
      <View className='board-row__head'>
        <View className='worker-row__name'>{service.name}</View>
        <View>
          {service.categoryName} · {priceText(service.priceFen)} · {service.durationMinutes} 分钟
        </View>
        <View className={service.active ? 'status status--done' : 'status status--off'}>{service.active ? '✓ 开放预约' : '✕ 暂停预约'}</View>
      </View>
      <View className='worker-row__note'>上门：{service.skillName}</View>
      <View className='worker-row__note'>{windowsText(service.windows)}</View>
      {service.checklist.length > 0 && <View className='worker-row__note'>清单：{service.checklist.join('、')}</View>}
      <Tap className='btn btn--secondary board-action' testId={`service-${service.serviceId}-edit`} label={`修改${service.name}`} onTap={onEdit}>
        修改
      </Tap>
    </View>
  )
}

function SettingsSummary({ settings, onEdit }: { settings: CareSettingsView; onEdit: () => void }) {
  return (
    <View className='card' data-testid='settings'>
      <View className='card__title'>预约规则和补贴</View>
      <View>长辈最晚提前 {settings.cancelHoursBefore} 小时自己取消。</View>
      {serviceCategories.map((category) => (
        <View key={category} className='worker-row__note' data-testid={`settings-${category}`}>
          {serviceCategoryNames[category]}补贴：{subsidyLine(settings.subsidies[category])}
        </View>
      ))}
      <Tap className='btn btn--secondary' testId='settings-edit' onTap={onEdit}>
        修改规则和补贴
      </Tap>
    </View>
  )
}

/** 服务项目: the centre's catalogue of home and medical services, and its booking rules and subsidies. */
export default function ServicesPage() {
  const centreId = currentUser()?.centreId || ''
  const [editing, setEditing] = useState<Editing>(null)
  // Loading pauses while a form is open, so a page shown again never replaces what is being typed.
  const loaded = useData(() => getCatalogue(centreId), { onShow: true, enabled: centreId !== '' && editing === null })
  const [done, setDone] = useState('')
  const catalogue = loaded.data

  function open(next: Editing) {
    setDone('')
    setEditing(next)
  }

  function savedService(saved: ServiceView, isNew: boolean) {
    loaded.setData((current) => ({
      ...current,
      services: isNew ? [...current.services, saved] : current.services.map((service) => (service.serviceId === saved.serviceId ? saved : service)),
    }))
    setEditing(null)
    setDone(isNew ? `已添加“${saved.name}”。` : `“${saved.name}”已保存，新的预约按新的设置。`)
  }

  if (catalogue && editing === 'settings') {
    return (
      <ElderPage dense>
        <SettingsForm
          centreId={centreId}
          settings={catalogue.settings}
          onSaved={(settings) => {
            loaded.setData((current) => ({ ...current, settings }))
            setEditing(null)
            setDone('规则和补贴已保存。')
          }}
          onCancel={() => setEditing(null)}
        />
      </ElderPage>
    )
  }
  if (editing && editing !== 'settings') {
    const service = editing.service
    return (
      <ElderPage dense>
        <ServiceForm centreId={centreId} service={service ?? undefined} onSaved={(saved) => savedService(saved, !service)} onCancel={() => setEditing(null)} />
      </ElderPage>
    )
  }

  return (
    <ElderPage dense>
      <View className='page-title'>{catalogue ? `${catalogue.centreName} · 服务项目` : '服务项目'}</View>
      {!centreId && <Notice kind='error' message='没有找到您所在的服务中心，请联系县级平台。' testId='services-no-centre' />}
      {done && <Notice kind='success' message={done} testId='services-done' />}
      <DataStatus state={loaded} testId='services' />
      {catalogue && (
        <>
          <Tap className='btn btn--primary' testId='services-add' onTap={() => open({ service: null })}>
            ＋ 添加服务项目
          </Tap>
          {catalogue.services.length === 0 && <View className='hint' data-testid='services-empty'>还没有服务项目。先添加一项，长辈就能预约了。</View>}
          {catalogue.services.map((service) => (
            <ServiceRow key={service.serviceId} service={service} onEdit={() => open({ service })} />
          ))}
          <SettingsSummary settings={catalogue.settings} onEdit={() => open('settings')} />
        </>
      )}
    </ElderPage>
  )
}
