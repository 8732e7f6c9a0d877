import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import { mealPaymentNames, mealPaymentNotes, mealPayments, type MealPayment, type PricingInput, type PricingResponse } from '@yilin/contract'
import { getOrg, getPricing, setPricing } from '../../api'
import { messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import { inputName } from '../../lib/a11y'
import { fenOf } from '../../lib/format'
import { type PriceField, priceFields, priceLabels, priceText, yuanInputOf } from '../../lib/pricing'
import './index.css'

/** The prices as typed (yuan) and the way of paying chosen. */
type Draft = Record<PriceField, string> & { payment: MealPayment }

const draftOf = ({ rules, payment }: PricingResponse): Draft => ({
  ...(Object.fromEntries(priceFields.map((field) => [field, yuanInputOf(rules[field])])) as Record<PriceField, string>),
  payment,
})

/** Checks what was typed and turns it into the API's input (whole fen), or says what to fix. */
export function pricingInputOf(draft: Draft): PricingInput | string {
  const input: Partial<PricingInput> = { payment: draft.payment }
  for (const field of priceFields) {
    const fen = fenOf(draft[field])
    if (fen === null) return `${priceLabels[field]}的价格请填数字（元），最多两位小数，例如 10 或 8.5。`
    input[field] = fen
  }
  return input as PricingInput
}

export const PRICING_NOTE = '已下的订单按下单时的价格结算，新价格只对之后的订餐生效。'

/**
 * The county platform sets one service centre's meal prices (老年助餐价格) for each age and subsidy category,
 * and how its elders pay for their meals.
 */
export default function PricingPage() {
  const { params } = useRouter()
  const centreId = params.centreId || ''
  const loaded = useData(() => getPricing(centreId), { deps: [centreId], enabled: centreId !== '' })
  const pricing = loaded.data
  // The centre's name is only a heading: the prices still show if it cannot be read.
  const org = useData(getOrg, { deps: [centreId], enabled: centreId !== '' })
  const centreName = org.data?.centres.find((centre) => centre.centreId === centreId)?.name ?? ''
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saveError, setSaveError] = useState('')
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)

  // The form starts from the prices loaded, and again from the prices saved (set while rendering, as
  // React advises for state that follows other data, rather than in an effect).
  const [draftSource, setDraftSource] = useState(pricing)
  if (pricing !== draftSource) {
    setDraftSource(pricing)
    if (pricing) setDraft(draftOf(pricing))
  }

  async function save() {
    if (busy || !draft) return
    setSaved('')
    const input = pricingInputOf(draft)
    if (typeof input === 'string') {
      setSaveError(input)
      return
    }
    setBusy(true)
    setSaveError('')
    try {
      loaded.setData(await setPricing(centreId, input))
      setSaved('餐价和付款方式已保存，之后的订餐按新的计算。')
    } catch (err) {
      setSaveError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ElderPage dense>
      <View className='page-title' data-testid='pricing-title'>
        {centreName ? `${centreName} · 餐价设置` : '餐价设置'}
      </View>
      {!centreId && <Notice kind='error' message='没有指定服务中心，请从“全县社区”进入。' testId='pricing-load-error' />}
      <DataStatus state={loaded} testId='pricing-load' />
      {pricing && draft && (
        <>
          <View className='card' data-testid='pricing-current'>
            <View className='card__title'>现在的餐价（每份）</View>
            <View className='pricing-status' data-testid='pricing-status'>
              {pricing.custom ? '本中心自定的价格' : '县里统一的默认价格'}
            </View>
            {priceFields.map((field) => (
              <View key={field} className='pricing-row' data-testid={`pricing-current-${field}`}>
                <View className='pricing-row__label'>{priceLabels[field]}</View>
                <View className='pricing-row__value'>{priceText(pricing.rules[field])}</View>
              </View>
            ))}
            <View className='hint'>每份按长辈能享受的最低价收，不会超过菜单标准价。</View>
            <View className='pricing-row' data-testid='pricing-current-payment'>
              <View className='pricing-row__label'>怎么付钱</View>
              <View className='pricing-row__value'>{mealPaymentNames[pricing.payment]}</View>
            </View>
          </View>

          <Notice kind='info' message={PRICING_NOTE} testId='pricing-note' />

          <View className='card' data-testid='pricing-form'>
            <View className='card__title'>修改餐价和付款方式</View>
            <View className='hint'>单位是元，可以有两位小数；填 0 就是免费。</View>
            {priceFields.map((field) => (
              <View key={field}>
                <View className='form-label'>{priceLabels[field]}（元）</View>
                <Input
                  className='input'
                  type='digit'
                  {...inputName(`${priceLabels[field]}的价格（元）`)}
                  value={draft[field]}
                  maxlength={7}
                  data-testid={`pricing-input-${field}`}
                  onInput={(e) => {
                    const value = e.detail.value
                    setDraft((d) => (d ? { ...d, [field]: value } : d))
                  }}
                />
              </View>
            ))}
            <View className='form-label'>长辈怎么付钱</View>
            <View className='choices choices--stacked' role='radiogroup' aria-label='长辈怎么付钱'>
              {mealPayments.map((payment) => (
                <Tap
                  key={payment}
                  className={payment === draft.payment ? 'choice choice--wide choice--on' : 'choice choice--wide'}
                  testId={`pricing-payment-${payment}`}
                  role='radio'
                  checked={payment === draft.payment}
                  onTap={() => setDraft((d) => (d ? { ...d, payment } : d))}
                >
                  <View className='choice__label'>
                    {payment === draft.payment ? '◉ ' : '○ '}
                    {mealPaymentNames[payment]}
                  </View>
                  <View className='choice__note'>{mealPaymentNotes[payment]}</View>
                </Tap>
              ))}
            </View>
            {saveError && <Notice kind='error' message={saveError} testId='pricing-error' />}
            {saved && <Notice kind='success' message={saved} testId='pricing-saved' />}
            <Tap className='btn btn--primary' testId='pricing-save' onTap={save}>
              {busy ? '正在保存…' : '保存'}
            </Tap>
          </View>
        </>
      )}
    </ElderPage>
  )
}
