import { Tap } from './Tap'

interface Props {
  label: string
  on: boolean
  onChange: (on: boolean) => void
  testId?: string
}

/** A large yes/no choice that says its state in words and a box mark, not only in colour. */
export function ToggleButton({ label, on, onChange, testId }: Props) {
  return (
    <Tap
      className={on ? 'toggle toggle--on' : 'toggle'}
      testId={testId}
      role='checkbox'
      checked={on}
      onTap={() => onChange(!on)}
    >
      {on ? '☑ ' : '☐ '}
      {label}：{on ? '是' : '否'}
    </Tap>
  )
}
