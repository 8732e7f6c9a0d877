import { View } from '@tarojs/components'
import { businessDateOf, type WishView } from '@yilin/contract'
import { formatMonthDay } from '../lib/format'

const TOLD = '地址会告诉认领的志愿者'

/**
 * For a wish brought to the elder's home: that the claimer is told the address, and who agreed to it and when
 * (the elder herself, or a relative or worker for her). `forElder`: said to the elder herself (您).
 * Wishes posted before the agreement was asked say only that the address is told.
 */
export function addressAgreementText(wish: WishView, forElder: boolean): string | null {
  if (wish.handover !== 'home') return null
  const agreement = wish.addressAgreement
  if (!agreement) return `${TOLD}。`
  const day = formatMonthDay(businessDateOf(Date.parse(agreement.at)))
  const elder = forElder ? '您' : (wish.elderName ?? wish.elderDisplay)
  if (!agreement.onBehalf) return forElder ? `${TOLD}，是您${day}自己同意的。` : `${TOLD}，${elder}本人${day}同意。`
  return `${TOLD}，${agreement.byName}${day}代${elder}同意。`
}

/** The same as a line under the handover. */
export function AddressAgreementNote({ wish, forElder, testId }: { wish: WishView; forElder: boolean; testId: string }) {
  const text = addressAgreementText(wish, forElder)
  return text ? (
    <View className='hint' data-testid={testId}>
      {text}
    </View>
  ) : null
}
