import type { ReactNode } from 'react'
import { View } from '@tarojs/components'

/**
 * What a tappable element is to a screen reader: a button (does something or opens a page), a radio
 * (one of a few choices) or a checkbox (on or off).
 */
export type TapRole = 'button' | 'radio' | 'checkbox'

interface Props {
  className: string
  testId?: string
  /** Left out when an enclosing component (a Picker) handles the tap itself. */
  onTap?: () => void
  role?: TapRole
  /** For radios and checkboxes: whether it is chosen (always said in words or marks on screen too). */
  checked?: boolean
  /** A spoken name, when the words on screen are not enough on their own. */
  label?: string
  children: ReactNode
}

/** Enter or Space on a focused tappable element taps it, the way a real button behaves. */
function tapOnKey(event: KeyboardEvent) {
  if (event.key !== 'Enter' && event.key !== ' ') return
  if (event.target !== event.currentTarget) return
  event.preventDefault()
  ;(event.currentTarget as HTMLElement).click()
}

/**
 * A View that acts as a button. In the browser it is also reachable and usable from the keyboard and
 * announced with its role (and state) by screen readers: Taro's H5 View passes `role`, `tabIndex`,
 * `aria-*` and native event listeners through to the element. The WeChat template renders none of
 * these, so they are left out of the mini-program's data.
 */
export function Tap({ className, testId, onTap, role = 'button', checked, label, children }: Props) {
  // Only attributes with a value: Taro's H5 View would write an undefined one out as "undefined".
  const attributes: Record<string, unknown> = {}
  if (testId) attributes['data-testid'] = testId
  if (process.env.TARO_ENV === 'h5') {
    attributes.role = role
    attributes.tabIndex = 0
    attributes.onKeyDown = tapOnKey
    // A string, so "false" is announced too (a boolean false would drop the attribute).
    if (checked !== undefined) attributes['aria-checked'] = String(checked)
    if (label) attributes['aria-label'] = label
  }
  return (
    <View className={className} {...attributes} onClick={onTap}>
      {children}
    </View>
  )
}
