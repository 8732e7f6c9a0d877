import Taro from '@tarojs/taro'
import type { Role } from '@yilin/contract'
import { forgetInterrupted, interrupted } from './session'
import { invitationPath, takeInvitation } from './invitation'

export const LOGIN_URL = '/pages/login/index'
export const HOME_URL = '/pages/home/index'
export const CANTEEN_URL = '/pages/canteen/index'
/** Service staff start their day on their visits rather than on the home page. */
export const STAFF_HOME_URL = '/staff/index'

/** Where a signed-in person starts: their visits for service staff, the home page for everyone else. */
export const homeOf = (role: Role | undefined) => (role === 'staff' ? STAFF_HOME_URL : HOME_URL)

/**
 * Where a person goes once signed in: to the invitation card they opened, else back to the page a lapsed
 * session interrupted, if they are the one who was there (the page takes its draft back), else their start page.
 */
export function pageAfterSignIn(userId: string, role?: Role): string {
  // Someone who opened an elder's invitation card before signing in goes back to it.
  const invitation = takeInvitation()
  if (invitation) return invitationPath(invitation)
  const record = interrupted()
  if (record?.work && record.userId === userId) return record.work.url
  forgetInterrupted()
  return homeOf(role)
}

export function goTo(url: string): void {
  void Taro.navigateTo({ url })
}

/** Back one page; home when there is nothing to go back to (a page opened directly). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack()
  } else {
    void Taro.reLaunch({ url: HOME_URL })
  }
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
