import { Input, View } from '@tarojs/components'
import { inputName } from '../lib/a11y'

interface Props {
  /** What to type, for screen readers (the visible label above is a separate element). */
  label: string
  value: string
  maxlength: number
  onInput: (value: string) => void
  testId: string
  type?: 'text' | 'number'
  placeholder?: string
  className?: string
}

/** The note under a value cut at its limit: 最多 20 个字，已到上限 (digits are counted in 位). */
export const limitNote = (maxlength: number, type: Props['type'] = 'text') => `最多 ${maxlength} ${type === 'number' ? '位' : '个字'}，已到上限`

/**
 * A one-line text box. The box stops taking characters at `maxlength`, which alone would cut a longer
 * value (or a paste) silently: once the value reaches the limit, a note under it says so.
 */
export function TextInput({ label, value, maxlength, onInput, testId, type = 'text', placeholder, className = 'input' }: Props) {
  return (
    <>
      <Input
        className={className}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        {...inputName(label)}
        data-testid={testId}
        onInput={(e) => onInput(e.detail.value)}
      />
      {value.length >= maxlength && (
        <View className='input-limit' role='status' data-testid={`${testId}-limit`}>
          {limitNote(maxlength, type)}
        </View>
      )}
    </>
  )
}

/**
 * A phone number: the number keyboard (large digits; in WeChat it has no '-'), so a landline is typed
 * as its area code and number together, 057188886666, which the contract accepts like 0571-88886666.
 * In the browser it is a `tel` box, which keeps a stored 0571-88886666 as it is (a number box would not).
 * No note at the limit: the longest number accepted, 0571-88886666, fits it exactly.
 */
export function PhoneInput({ label, value, onInput, testId }: Pick<Props, 'label' | 'value' | 'onInput' | 'testId'>) {
  const h5 = process.env.TARO_ENV === 'h5'
  return (
    <Input
      className='input'
      type='number'
      value={value}
      maxlength={13}
      placeholder='手机，或座机连区号一起输'
      {...(h5 ? { nativeProps: { 'aria-label': label, type: 'tel' } } : {})}
      data-testid={testId}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}
