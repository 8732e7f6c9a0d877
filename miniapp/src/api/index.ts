import type { FamilyRelation, UpdateContactInput, VerificationInput } from '@yilin/contract'
import { call } from './client'

/** One function per route of the API, each a typed call of the contract's route table; pages call these. */

export const signInWithWechat = (code: string) => call('auth/wechat-login', { body: { code } })

export const listDemoAccounts = () => call('auth/demo-accounts')

export const signInAsDemo = (userId: string) => call('auth/demo-login', { body: { userId } })

export const getMe = () => call('me/get')

/** What to call me; the answer is a new session carrying the name. */
export const setMyName = (name: string) => call('me/set-name', { body: { name } })

export const getElder = (elderId: string) => call('elders/get', { params: { elderId } })

export const updateElderContact = (elderId: string, input: UpdateContactInput) =>
  call('elders/update-contact', { params: { elderId }, body: input })

export const verifyElder = (elderId: string, input: VerificationInput) => call('elders/verify', { params: { elderId }, body: input })

export const listCommunityElders = (communityId: string, cursor?: string, limit = 20, filter: { name?: string; pending?: boolean } = {}) =>
  call('elders/list-community', {
    params: { communityId },
    query: { cursor, limit: String(limit), ...(filter.name ? { name: filter.name } : {}), ...(filter.pending ? { pending: '1' as const } : {}) },
  })

export const createBindingCode = (elderId: string) => call('bindings/create-code', { params: { elderId } })

export const redeemBindingCode = (code: string, relation: FamilyRelation) => call('bindings/redeem', { body: { code, relation } })

/** A relative corrects what they are to the elder. */
export const setRelation = (elderId: string, relation: FamilyRelation) => call('bindings/set-relation', { params: { elderId }, body: { relation } })

export const listBindings = (elderId: string) => call('bindings/list', { params: { elderId } })

export const revokeBindingCode = (elderId: string) => call('bindings/revoke-code', { params: { elderId } })

export const removeBinding = (elderId: string, familyId: string) => call('bindings/remove', { params: { elderId, familyId } })

/** A worker makes a one-time 本人登录码 that an elder types in on their own WeChat. */
export const createClaimCode = (elderId: string) => call('elders/create-claim-code', { params: { elderId } })

export const revokeClaimCode = (elderId: string) => call('elders/revoke-claim-code', { params: { elderId } })

/** A family account with no bound elders becomes that elder's own account; the answer is a new session. */
export const claimElder = (code: string) => call('me/claim-elder', { body: { code } })

export const getOrg = () => call('org/get')

export * from './canteen'
