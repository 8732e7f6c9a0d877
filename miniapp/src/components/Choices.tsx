import { View } from '@tarojs/components'
import { Tap } from './Tap'

interface Props<T extends string> {
  /** The options in the order shown. */
  options: readonly T[]
  /** Each option in words. */
  names: Readonly<Record<T, string>>
  value: T | null
  onChange: (value: T) => void
  /** Test ids are `<testId>-<option>`. */
  testId: string
  /** For screen readers: what is being chosen. */
  label: string
}

/** One of a few options as large side-by-side choices; the chosen one says so with a mark, not only colour. */
export function Choices<T extends string>({ options, names, value, onChange, testId, label }: Props<T>) {
  return (
    <View className='choices' role='radiogroup' aria-label={label} data-testid={testId}>
      {options.map((option) => {
        const on = option === value
        return (
          <Tap key={option} className={on ? 'choice choice--on' : 'choice'} testId={`${testId}-${option}`} role='radio' checked={on} onTap={() => onChange(option)}>
            {on ? '✓ ' : ''}
            {names[option]}
          </Tap>
        )
      })}
    </View>
  )
}
