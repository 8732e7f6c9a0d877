import Taro from '@tarojs/taro'
import type { SessionResponse, SessionUser } from '@yilin/contract'

/** What the app remembers between launches: the signed-in person and, for family, whose affairs they are handling. */
const SESSION_KEY = 'yilin.session'
const CURRENT_ELDER_KEY = 'yilin.currentElderId'

export type Session = SessionResponse

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, session)
}

/** The stored session, even past its time: whose session a renewal is for. */
export function storedSession(): Session | null {
  const session = Taro.getStorageSync(SESSION_KEY) as Session | ''
  return session && session.token ? session : null
}

/** The stored session, or null when there is none or it has expired. */
export function currentSession(): Session | null {
  const session = storedSession()
  if (!session || Date.parse(session.expiresAt) <= Date.now()) return null
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

/**
 * A session that ended while someone was in the middle of something. Renewal failed (or, in the browser,
 * is not possible), so they are sent to sign in again; this record says so on the sign-in page and brings
 * them back to the page they were on, with what they had filled in, once the same person has signed in.
 */
export interface Interrupted {
  /** Who was signed in; the work is given back to that person only. */
  userId: string | null
  /** The page to come back to and its draft, when the page had one. */
  work?: { url: string; draft: unknown }
  /**
   * `revoked`: the person was moved or retired; `closed`: their account was closed (注销), on this phone or
   * another. The sign-in page says so and no page is given back.
   */
  reason?: 'revoked' | 'closed'
}

const INTERRUPTED_KEY = 'yilin.interrupted'

/** The page on screen that has something filled in, able to say what, at the moment the session ends. */
let heldDraft: { url: string; draft: () => unknown } | null = null

/** A page holds its draft while it is on screen; the function returned lets go of it. */
export function holdDraft(url: string, draft: () => unknown): () => void {
  const held = { url, draft }
  heldDraft = held
  return () => {
    if (heldDraft === held) heldDraft = null
  }
}

/** The session is over: forget it, keeping what the person was doing (see {@link Interrupted}). */
export function interruptSession(reason?: Interrupted['reason']): void {
  const userId = storedSession()?.user.userId ?? null
  // A second request refused in the same moment finds no session left: the first one's record stands.
  if (userId || !interrupted()) {
    const work = heldDraft && !reason ? { work: { url: heldDraft.url, draft: heldDraft.draft() } } : {}
    const record: Interrupted = { userId, ...work, ...(reason ? { reason } : {}) }
    Taro.setStorageSync(INTERRUPTED_KEY, record)
  }
  clearSession()
}

export function interrupted(): Interrupted | null {
  return (Taro.getStorageSync(INTERRUPTED_KEY) as Interrupted | '') || null
}

/** The draft kept for this page, if the person now signed in is the one who wrote it. */
export function keptDraft<T>(url: string): T | null {
  const record = interrupted()
  const userId = currentUser()?.userId
  return record?.work?.url === url && userId && record.userId === userId ? (record.work.draft as T) : null
}

/** The kept work has been given back (or can no longer be). */
export function forgetInterrupted(): void {
  Taro.removeStorageSync(INTERRUPTED_KEY)
}
