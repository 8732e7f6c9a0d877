import { call } from './client'

/** Rights: a copy of one's data, closing one's account, an elder's closing with the community's worker. */

export const getMyData = () => call('rights/data-copy')
export const closeMyAccount = () => call('rights/close-account', { body: { confirm: true } })
export const closeElder = (elderId: string, note: string) => call('rights/close-elder', { params: { elderId }, body: { note } })
