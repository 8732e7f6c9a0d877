import { View } from '@tarojs/components'
import { familyRelationNames, familyRelations, type FamilyRelation } from '@yilin/contract'
import { Tap } from './Tap'

interface Props {
  value: FamilyRelation | null
  onChange: (relation: FamilyRelation) => void
  testId: string
}

/** 您是长辈的：儿子、女儿、儿媳… as large choices; the chosen one says so with a mark, not only colour. */
export function RelationChoices({ value, onChange, testId }: Props) {
  return (
    <View className='choices' role='radiogroup' data-testid={testId}>
      {familyRelations.map((relation) => {
        const on = relation === value
        return (
          <Tap
            key={relation}
            className={on ? 'choice choice--on' : 'choice'}
            testId={`${testId}-${relation}`}
            role='radio'
            checked={on}
            onTap={() => onChange(relation)}
          >
            {on ? '✓ ' : ''}
            {familyRelationNames[relation]}
          </Tap>
        )
      })}
    </View>
  )
}
