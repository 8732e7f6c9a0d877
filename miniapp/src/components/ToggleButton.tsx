import { View } from '@tarojs/components'

interface Props {
  label: string
  on: boolean
  onChange: (on: boolean) => void
  testId?: string
}

/** A large yes/no choice that says its state in words and a box mark, not only in colour. */
export function ToggleButton({ label, on, onChange, testId }: Props) {
  return (
    <View
      className={on ? 'toggle toggle--on' : 'toggle'}
      data-testid={testId}
      aria-checked={on}
      onClick={() => onChange(!on)}
    >
      {on ? '☑ ' : '☐ '}
      {label}：{on ? '是' : '否'}
    </View>
  )
}
