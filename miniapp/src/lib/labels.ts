import { roles, subsidyCategories, subsidyCategoryNames, type SubsidyCategory, type VerificationChange } from '@yilin/contract'

/** People's words: the names of roles and subsidy categories are the contract's, shared with the functions. */
export { roleNames, subsidyCategoryNames } from '@yilin/contract'

/** Display order of roles on the sign-in page. */
export const roleOrder = roles

export const subsidyCategoryOrder = subsidyCategories

export const mobilityText = (mobilityLimited: boolean) => (mobilityLimited ? '行动不便' : '能自己走动')

const fieldNames: Record<VerificationChange['field'], string> = {
  birthDate: '出生日期',
  subsidyCategory: '补贴类别',
  mobilityLimited: '行动情况',
}

/** One verified field's value in words, for the history list. */
function valueText(field: VerificationChange['field'], value: string | boolean | null): string {
  if (value === null) return '未填写'
  if (field === 'mobilityLimited') return mobilityText(value === true)
  if (field === 'subsidyCategory') return subsidyCategoryNames[value as SubsidyCategory] ?? String(value)
  return String(value)
}

export function changeText(change: VerificationChange): string {
  return `${fieldNames[change.field]}：${valueText(change.field, change.from)} → ${valueText(change.field, change.to)}`
}
