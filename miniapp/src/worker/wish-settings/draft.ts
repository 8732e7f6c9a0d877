import type { CommonWish, RedemptionWindow, WishSettingsInput, WishSettingsView } from '@yilin/contract'
import { fenOf } from '../../lib/format'
import { yuanInputOf } from '../../lib/pricing'

/** The rules as the worker types them: money in yuan and numbers as text until the form is sent. */
export interface WishSettingsDraft {
  valueCapYuan: string
  pointsPerWish: string
  claimDays: string
  eldersRedeem: boolean
  redemptionWindows: RedemptionWindow[]
  /** Checked and turned into fen when added, so the list holds what the API takes. */
  commonWishes: CommonWish[]
}

export const settingsDraftOf = (settings: WishSettingsView): WishSettingsDraft => ({
  valueCapYuan: yuanInputOf(settings.valueCapFen),
  pointsPerWish: String(settings.pointsPerWish),
  claimDays: String(settings.claimDays),
  eldersRedeem: settings.eldersRedeem,
  redemptionWindows: settings.redemptionWindows.map((window) => ({ ...window })),
  commonWishes: settings.commonWishes.map((wish) => ({ ...wish })),
})

const wholeOf = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null)

/** Checks what only the form can (numbers typed as numbers) and makes the API's input, or says what to fix. */
export function settingsInputOf(draft: WishSettingsDraft): WishSettingsInput | string {
  const valueCapFen = fenOf(draft.valueCapYuan)
  if (valueCapFen === null) return '心愿价值上限请填数字（元），例如 300。'
  const pointsPerWish = wholeOf(draft.pointsPerWish)
  if (pointsPerWish === null) return '每个心愿的积分请填整数，例如 10。'
  const claimDays = wholeOf(draft.claimDays)
  if (claimDays === null) return '认领期限请填整数（天），例如 7。'
  return {
    valueCapFen,
    pointsPerWish,
    claimDays,
    eldersRedeem: draft.eldersRedeem,
    redemptionWindows: draft.redemptionWindows,
    commonWishes: draft.commonWishes,
  }
}

/** The first problem the server found inside one row of a list (`commonWishes.2.valueFen`), if any. */
export function rowError(fields: Record<string, string>, list: string, index: number): string {
  const prefix = `${list}.${index}.`
  const key = Object.keys(fields).find((field) => field.startsWith(prefix))
  return key ? fields[key] : ''
}
