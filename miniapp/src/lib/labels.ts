import {
  elderTitle,
  roles,
  subsidyCategories,
  sexNames,
  subsidyCategoryNames,
  type ElderSummary,
  type Sex,
  type SubsidyCategory,
  type VerificationChange,
} from '@yilin/contract'

/** People's words: the names of roles and subsidy categories are the contract's, shared with the functions. */
export { roleNames, subsidyCategoryNames } from '@yilin/contract'

/** How a 岗位码 (a worker's or staff member's one-time code) is handed over and used. */
export const STAFF_CODE_RULE = '请当面交给本人：用自己的微信打开小程序，选“我是社区工作者/服务人员”，输入这 6 位数字。24小时内有效，只能用一次。'

/** Display order of roles on the sign-in page. */
export const roleOrder = roles

export const subsidyCategoryOrder = subsidyCategories

/** （母亲）after an elder's name on a relative's screens, when the relation and the elder's sex say it. */
export function elderTitleSuffix(elder: Pick<ElderSummary, 'relation' | 'sex'>): string {
  const title = elderTitle(elder.relation, elder.sex)
  return title ? `（${title}）` : ''
}

export const mobilityText = (mobilityLimited: boolean) => (mobilityLimited ? '行动不便' : '能自己走动')

const fieldNames: Record<VerificationChange['field'], string> = {
  sex: '性别',
  birthDate: '出生日期',
  subsidyCategory: '补贴类别',
  mobilityLimited: '行动情况',
}

/** "1966-12-08" → "1966年12月8日": dates as people write them. */
const dateInWords = (date: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date
}

/** One verified field's value in words, for the history list. */
function valueText(field: VerificationChange['field'], value: string | boolean): string {
  if (field === 'mobilityLimited') return mobilityText(value === true)
  if (field === 'sex') return sexNames[value as Sex] ?? String(value)
  if (field === 'subsidyCategory') return subsidyCategoryNames[value as SubsidyCategory] ?? String(value)
  return dateInWords(String(value))
}

/** A change in a sentence: "补贴类别由 普通 改为 低保", or "补贴类别定为 低保" the first time. */
export function changeText(change: VerificationChange): string {
  const name = fieldNames[change.field]
  return change.from === null
    ? `${name}定为 ${valueText(change.field, change.to)}`
    : `${name}由 ${valueText(change.field, change.from)} 改为 ${valueText(change.field, change.to)}`
}
