import { View } from '@tarojs/components'
import { abilities, abilityNames, subsidyCategories, subsidyCategoryNames } from '@yilin/contract'
import type { CommunityEldersFilter } from '../../api'
import { Choices } from '../../components/Choices'
import { ToggleButton } from '../../components/ToggleButton'

type Filters = Pick<CommunityEldersFilter, 'ability' | 'livingSituation' | 'category'>

interface Props {
  value: Filters
  onChange: (value: Filters) => void
}

const ALL = 'all'
const abilityOptions = [ALL, ...abilities] as const
const categoryOptions = [ALL, ...subsidyCategories] as const
const orAll = <T extends string>(value: T | undefined) => value ?? ALL
const unlessAll = <T extends string>(value: T | typeof ALL) => (value === ALL ? undefined : (value as T))

/** The list's filters as big choices: 自理能力, 只看独居, 补贴类别; each 全部 until one is picked. */
export function EldersFilters({ value, onChange }: Props) {
  return (
    <View className='filters' data-testid='worker-elders-filters'>
      <ToggleButton
        label='只看独居'
        on={value.livingSituation === 'alone'}
        testId='worker-elders-alone'
        onChange={(alone) => onChange({ ...value, livingSituation: alone ? 'alone' : undefined })}
      />
      <View className='form-label'>自理能力</View>
      <Choices
        label='按自理能力筛选'
        options={abilityOptions}
        names={{ [ALL]: '全部', ...abilityNames }}
        value={orAll(value.ability)}
        testId='worker-elders-ability'
        onChange={(ability) => onChange({ ...value, ability: unlessAll(ability) })}
      />
      <View className='form-label'>补贴类别（待核实的按申请的类别）</View>
      <Choices
        label='按补贴类别筛选'
        options={categoryOptions}
        names={{ [ALL]: '全部', ...subsidyCategoryNames }}
        value={orAll(value.category)}
        testId='worker-elders-category'
        onChange={(category) => onChange({ ...value, category: unlessAll(category) })}
      />
    </View>
  )
}
