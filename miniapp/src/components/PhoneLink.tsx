import Taro from '@tarojs/taro'
import { Tap } from './Tap'

interface Props {
  phone: string
  /** Whose number, said to screen readers: 拨打王秀兰的电话 138…. */
  name: string
  testId: string
}

/**
 * The phone number written out in full, tappable to call: in WeChat through makePhoneCall, in the
 * browser as a `tel:` link (which phones dial and screen readers announce as a link).
 */
export function PhoneLink({ phone, name, testId }: Props) {
  const label = `拨打${name}的电话 ${phone}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='phone-link' href={`tel:${phone}`} aria-label={label} data-testid={testId}>
        电话 {phone}
      </a>
    )
  }
  return (
    <Tap className='phone-link' testId={testId} label={label} onTap={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      电话 {phone}
    </Tap>
  )
}
