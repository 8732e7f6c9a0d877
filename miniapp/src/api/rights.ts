import { ApiError, call, callClosingAccount } from './client'

/** Rights: a copy of one's data, closing one's account, an elder's closing with the community's worker. */

export const getMyData = () => call('rights/data-copy')

/** Closing one's account; asked again after it went through (the first answer lost on the way), it is done all the same. */
export async function closeMyAccount(): Promise<void> {
  try {
    await callClosingAccount('rights/close-account', { body: { confirm: true } })
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'ACCOUNT_CLOSED')) throw error
  }
}

export const closeElder = (elderId: string, note: string) => call('rights/close-elder', { params: { elderId }, body: { note } })
