import Taro from '@tarojs/taro'

/**
 * A binding invitation sent as a WeChat card: the elder shares the page with her code, her son opens it.
 * If he is not signed in yet, the code waits here while he signs in, and he is brought back to it.
 */
const KEPT_KEY = 'yilin.invitation'

export const invitationPath = (code: string) => `/pages/binding/index?code=${code}`

/** The card the elder sends: her name in the title, the page with the code as its path. */
export function invitationCard(elderName: string, code: string | null) {
  if (!code) return { title: '颐邻 社区居家养老', path: '/pages/home/index' }
  return { title: `${elderName}请您绑定，帮忙订餐、看资料（邀请码 ${code}）`, path: invitationPath(code) }
}

/** The code the elder's page shows now, for the card (set by the invitation panel). */
let shownCode: string | null = null
export const showInvitationCode = (code: string | null) => {
  shownCode = code
}
export const shownInvitationCode = () => shownCode

export function keepInvitation(code: string): void {
  Taro.setStorageSync(KEPT_KEY, code)
}

/** The kept code, once: it is forgotten as it is taken. */
export function takeInvitation(): string | null {
  const code = (Taro.getStorageSync(KEPT_KEY) as string | '') || null
  if (code) Taro.removeStorageSync(KEPT_KEY)
  return code
}
