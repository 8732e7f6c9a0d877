import { Input, View } from '@tarojs/components'
import { inputName } from '../lib/a11y'

export const CODE_LENGTH = 6

/** True when the text is exactly the six digits of a one-time code. */
export const isSixDigitCode = (code: string) => new RegExp(`^\\d{${CODE_LENGTH}}$`).test(code)

interface Props {
  value: string
  onChange: (code: string) => void
  /** What a screen reader says the box is for, e.g. "6 位邀请码". */
  label: string
  testId: string
}

/** Six large boxes show the digits; one number input laid over them takes the typing. */
export function CodeEntry({ value, onChange, label, testId }: Props) {
  const digits = value.padEnd(CODE_LENGTH, ' ').slice(0, CODE_LENGTH).split('')
  return (
    <View className='code-entry'>
      <View className='code-boxes' aria-hidden>
        {digits.map((digit, index) => (
          <View key={index} className={index === value.length ? 'code-box code-box--next' : 'code-box'}>
            {digit.trim()}
          </View>
        ))}
      </View>
      <Input
        className='code-input'
        type='number'
        maxlength={CODE_LENGTH}
        value={value}
        {...inputName(label)}
        focus
        placeholder='6 位数字'
        data-testid={testId}
        onInput={(e) => {
          const next = e.detail.value.replace(/\D/g, '').slice(0, CODE_LENGTH)
          onChange(next)
          return next
        }}
      />
    </View>
  )
}
