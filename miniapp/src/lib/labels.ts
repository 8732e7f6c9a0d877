import type { Role } from '@yilin/functions/src/routes'
import type { SubsidyCategory } from '@yilin/functions/src/schemas/common'
import type { VerificationChange } from '@yilin/functions/src/schemas/people'

export const roleNames: Record<Role, string> = {
  elder: '长辈',
  family: '家属',
  volunteer: '志愿者',
  worker: '社区工作者',
  admin: '县级平台',
}

/** Display order of roles on the sign-in page. */
export const roleOrder: Role[] = ['elder', 'family', 'volunteer', 'worker', 'admin']

export const subsidyCategoryNames: Record<SubsidyCategory, string> = {
  normal: '普通',
  dibao: '低保',
  tekun: '特困',
  disabled: '残疾',
}

export const subsidyCategoryOrder: SubsidyCategory[] = ['normal', 'dibao', 'tekun', 'disabled']

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
