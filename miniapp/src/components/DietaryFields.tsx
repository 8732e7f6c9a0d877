import { View } from '@tarojs/components'
import { dietaryNeedNames, type DietaryNeeds } from '@yilin/contract'
import { ToggleButton } from './ToggleButton'
import { TextInput } from './TextInput'

interface Props {
  dietary: DietaryNeeds
  onChange: (patch: Partial<DietaryNeeds>) => void
  /** Test ids are `<testIdPrefix>-low-salt`, `-low-sugar`, `-soft-food`, `-allergies`. */
  testIdPrefix: string
}

/** 低盐, 低糖, 软食 as big yes/no toggles, and allergies or foods the elder avoids. */
export function DietaryFields({ dietary, onChange, testIdPrefix }: Props) {
  return (
    <>
      <View className='form-label'>饮食</View>
      <ToggleButton label={dietaryNeedNames.lowSalt} on={dietary.lowSalt} testId={`${testIdPrefix}-low-salt`} onChange={(lowSalt) => onChange({ lowSalt })} />
      <ToggleButton label={dietaryNeedNames.lowSugar} on={dietary.lowSugar} testId={`${testIdPrefix}-low-sugar`} onChange={(lowSugar) => onChange({ lowSugar })} />
      <ToggleButton label={dietaryNeedNames.softFood} on={dietary.softFood} testId={`${testIdPrefix}-soft-food`} onChange={(softFood) => onChange({ softFood })} />
      <View className='form-label'>过敏或忌口（没有就空着）</View>
      <TextInput label='过敏或忌口' value={dietary.allergies} maxlength={100} testId={`${testIdPrefix}-allergies`} onInput={(allergies) => onChange({ allergies })} />
    </>
  )
}
