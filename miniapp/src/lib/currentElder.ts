import type { ElderSummary } from '@yilin/functions/src/schemas/api'
import { currentElderId, setCurrentElderId } from './session'

/**
 * The elder a family member is handling: the one chosen last if still bound, else the first bound one.
 * The choice is stored so every page agrees on it.
 */
export function resolveCurrentElder(boundElders: ElderSummary[]): ElderSummary | null {
  if (boundElders.length === 0) return null
  const chosen = boundElders.find((elder) => elder.elderId === currentElderId()) ?? boundElders[0]
  setCurrentElderId(chosen.elderId)
  return chosen
}
