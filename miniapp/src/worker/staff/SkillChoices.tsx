import { View } from '@tarojs/components'
import { skills, type Skill } from '@yilin/contract'
import { Tap } from '../../components/Tap'
import { skillNames } from '../../lib/care'

interface Props {
  value: Skill[]
  onChange: (skills: Skill[]) => void
  /** Test ids are `<testId>-<skill>`. */
  testId: string
}

/** What a staff member can do, several at once, each a big box that says 选中 with a mark. */
export function SkillChoices({ value, onChange, testId }: Props) {
  return (
    <View className='choices' role='group' aria-label='会做的服务' data-testid={testId}>
      {skills.map((skill) => {
        const on = value.includes(skill)
        return (
          <Tap
            key={skill}
            className={on ? 'choice choice--on' : 'choice'}
            testId={`${testId}-${skill}`}
            role='checkbox'
            checked={on}
            onTap={() => onChange(on ? value.filter((chosen) => chosen !== skill) : [...value, skill])}
          >
            {on ? '☑ ' : '☐ '}
            {skillNames[skill]}
          </Tap>
        )
      })}
    </View>
  )
}
