import type {
  BindingCodeResponse,
  BindingsPage,
  ClaimCodeResponse,
  ClaimElderInput,
  DemoAccountsResponse,
  ElderDetailResponse,
  ElderSummary,
  MeResponse,
  OrgResponse,
  Page,
  RedeemBindingResponse,
  SessionResponse,
  UpdateContactInput,
  VerificationInput,
} from '@yilin/functions/src/schemas/people'
import { queryString } from '../lib/navigation'
import { request } from './client'

/** One function per route of the API (functions/src/routes.ts). */

const id = (value: string) => encodeURIComponent(value)

export const signInWithWechat = (code: string) => request<SessionResponse>('POST', '/auth/wechat', { code })

export const listDemoAccounts = () => request<DemoAccountsResponse>('GET', '/auth/demo-accounts')

export const signInAsDemo = (userId: string) => request<SessionResponse>('POST', '/auth/demo', { userId })

export const getMe = () => request<MeResponse>('GET', '/me')

export const getElder = (elderId: string) => request<ElderDetailResponse>('GET', `/elders/${id(elderId)}`)

export const updateElderContact = (elderId: string, input: UpdateContactInput) =>
  request<ElderDetailResponse>('PATCH', `/elders/${id(elderId)}/contact`, input)

export const verifyElder = (elderId: string, input: VerificationInput) =>
  request<ElderDetailResponse>('PUT', `/elders/${id(elderId)}/verification`, input)

export const listCommunityElders = (communityId: string, cursor?: string, limit = 20) =>
  request<Page<ElderSummary>>('GET', `/communities/${id(communityId)}/elders${queryString({ cursor: cursor ?? undefined, limit })}`)

export const createBindingCode = (elderId: string) =>
  request<BindingCodeResponse>('POST', `/elders/${id(elderId)}/binding-codes`)

export const redeemBindingCode = (code: string) => request<RedeemBindingResponse>('POST', '/bindings', { code })

export const listBindings = (elderId: string) => request<BindingsPage>('GET', `/elders/${id(elderId)}/bindings`)

export const revokeBindingCode = (elderId: string) => request<void>('DELETE', `/elders/${id(elderId)}/binding-codes`)

export const removeBinding = (elderId: string, familyId: string) =>
  request<void>('DELETE', `/elders/${id(elderId)}/bindings/${id(familyId)}`)

/** A worker makes a one-time 本人登录码 that an elder types in on their own WeChat. */
export const createClaimCode = (elderId: string) =>
  request<ClaimCodeResponse>('POST', `/elders/${id(elderId)}/claim-codes`)

export const revokeClaimCode = (elderId: string) => request<void>('DELETE', `/elders/${id(elderId)}/claim-codes`)

/** A family account with no bound elders becomes that elder's own account; the answer is a new session. */
export const claimElder = (code: string) => {
  const body: ClaimElderInput = { code }
  return request<SessionResponse>('POST', '/me/claim', body)
}

export const getOrg = () => request<OrgResponse>('GET', '/org')

export * from './canteen'
