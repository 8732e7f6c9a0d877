import type { ElderSummary } from '@yilin/contract'
import { getMe } from '../api'
import { currentElderId, currentUser, setCurrentElderId } from './session'

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

/**
 * Whose meals (wishes, points) a page is about: the elder named in the page address, the elder who is
 * signed in, or the family member's current elder (asking the server only when none was chosen yet).
 * Null when a family member has no bound elder, and for anyone else (a worker) when the address names none:
 * they reach an elder from the elder's own page.
 */
export async function elderIdForPage(paramElderId?: string): Promise<string | null> {
  if (paramElderId) return paramElderId
  const user = currentUser()
  if (user?.role === 'elder') return user.userId
  if (user && user.role !== 'family') return null
  const stored = currentElderId()
  if (stored) return stored
  const me = await getMe()
  if (me.elder) return me.elder.elderId
  return resolveCurrentElder(me.boundElders ?? [])?.elderId ?? null
}
