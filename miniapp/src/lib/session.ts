import Taro from '@tarojs/taro'
import type { SessionResponse, SessionUser } from '@yilin/contract'

/** What the app remembers between launches: the signed-in person and, for family, whose affairs they are handling. */
const SESSION_KEY = 'yilin.session'
const CURRENT_ELDER_KEY = 'yilin.currentElderId'

export type Session = SessionResponse

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, session)
}

/** The stored session, or null when there is none or it has expired. */
export function currentSession(): Session | null {
  const session = Taro.getStorageSync(SESSION_KEY) as Session | ''
  if (!session || !session.token) return null
  if (Date.parse(session.expiresAt) <= Date.now()) return null
  return session
}

export function currentUser(): SessionUser | null {
  return currentSession()?.user ?? null
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY)
  Taro.removeStorageSync(CURRENT_ELDER_KEY)
}

/** The elder a family member last chose; checked against the bound elders wherever it is used. */
export function currentElderId(): string | null {
  return (Taro.getStorageSync(CURRENT_ELDER_KEY) as string) || null
}

export function setCurrentElderId(elderId: string): void {
  Taro.setStorageSync(CURRENT_ELDER_KEY, elderId)
}
