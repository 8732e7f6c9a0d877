import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { serviceCategories, type CareSettingsInput, type CareSettingsView, type ServiceCategory, type TierSubsidies } from '@yilin/contract'
import { setCareSettings } from '../../api'
import { Choices } from '../../components/Choices'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { inputName } from '../../lib/a11y'
import { serviceCategoryNames } from '../../lib/care'
import { fenOf } from '../../lib/format'
import { priceFields, priceLabels, yuanInputOf, type PriceField } from '../../lib/pricing'
import { useAction } from '../../shared/useAction'

/** The subsidy tiers are the canteen's price tiers (same 60+ rule), so they share their names and order. */
type SubsidyDraft = Record<PriceField, string>

interface Draft {
  cancelHoursBefore: string
  subsidies: Record<ServiceCategory, SubsidyDraft>
}

const subsidyDraftOf = (tiers: TierSubsidies) => Object.fromEntries(priceFields.map((field) => [field, yuanInputOf(tiers[field])])) as SubsidyDraft

const draftOf = (settings: CareSettingsView): Draft => ({
  cancelHoursBefore: String(settings.cancelHoursBefore),
  subsidies: Object.fromEntries(serviceCategories.map((category) => [category, subsidyDraftOf(settings.subsidies[category])])) as Draft['subsidies'],
})

/** Checks the numbers typed and makes the API's input (yuan to fen), or says what to fix. */
function settingsInputOf(draft: Draft): CareSettingsInput | string {
  const hours = draft.cancelHoursBefore.trim()
  if (!/^\d+$/.test(hours)) return '提前取消时间请填整数（小时），例如 24。'
  const subsidies = {} as CareSettingsInput['subsidies']
  for (const category of serviceCategories) {
    const tiers = {} as TierSubsidies
    for (const field of priceFields) {
      const fen = fenOf(draft.subsidies[category][field])
      if (fen === null) return `${serviceCategoryNames[category]}·${priceLabels[field]}的补贴请填数字（元），没有补贴填 0。`
      tiers[field] = fen
    }
    subsidies[category] = tiers
  }
  return { cancelHoursBefore: Number(hours), subsidies }
}

interface Props {
  centreId: string
  settings: CareSettingsView
  onSaved: (settings: CareSettingsView) => void
  onCancel: () => void
}

/** The centre's rules: until when the elder cancels themselves, and what the government pays per visit by tier. */
export function SettingsForm({ centreId, settings, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(() => draftOf(settings))
  const [category, setCategory] = useState<ServiceCategory>('housework')
  const { busy, error, setError, run } = useAction()

  const setSubsidy = (field: PriceField, value: string) =>
    setDraft((current) => ({ ...current, subsidies: { ...current.subsidies, [category]: { ...current.subsidies[category], [field]: value } } }))

  function save() {
    const input = settingsInputOf(draft)
    if (typeof input === 'string') return setError(input)
    void run(async () => onSaved(await setCareSettings(centreId, input)))
  }

  return (
    <View className='card' data-testid='settings-form'>
      <View className='card__title'>预约规则和补贴</View>
      <View className='form-label'>长辈最晚提前几小时自己取消</View>
      <Input
        className='input'
        type='number'
        {...inputName('长辈最晚提前几小时自己取消')}
        value={draft.cancelHoursBefore}
        maxlength={2}
        data-testid='settings-cancel-hours'
        onInput={(e) => {
          const value = e.detail.value
          setDraft((current) => ({ ...current, cancelHoursBefore: value }))
        }}
      />
      <View className='hint'>过了这个时间，要由社区工作者替长辈取消。</View>
      <View className='section-title'>每次上门的政府补贴（元）</View>
      <Choices options={serviceCategories} names={serviceCategoryNames} value={category} onChange={setCategory} testId='settings-category' label='哪类服务的补贴' />
      {priceFields.map((field) => (
        <View key={field}>
          <View className='form-label form-label--small'>
            {serviceCategoryNames[category]} · {priceLabels[field]}
          </View>
          <Input
            className='input'
            type='digit'
            {...inputName(`${serviceCategoryNames[category]}${priceLabels[field]}的补贴（元）`)}
            value={draft.subsidies[category][field]}
            maxlength={7}
            data-testid={`settings-${category}-${field}`}
            onInput={(e) => setSubsidy(field, e.detail.value)}
          />
        </View>
      ))}
      {error && <Notice kind='error' message={error} testId='settings-error' />}
      <Tap className='btn btn--primary' testId='settings-save' onTap={save}>
        {busy ? '正在保存…' : '保存规则和补贴'}
      </Tap>
      <Tap className='btn btn--secondary' testId='settings-cancel' onTap={onCancel}>
        不改了
      </Tap>
    </View>
  )
}
