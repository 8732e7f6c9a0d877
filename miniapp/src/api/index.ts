import type {
  Ability,
  AddWorkerInput,
  ElderStatusInput,
  FamilyRelation,
  LivingSituation,
  MoveWorkerInput,
  RegisterElderInput,
  SubsidyCategory,
  UpdateContactInput,
  VerificationInput,
  VolunteerSignUpInput,
} from '@yilin/contract'
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

/** A worker marks an elder died or moved away, or back on the register. */
export const setElderStatus = (elderId: string, input: ElderStatusInput) => call('elders/set-status', { params: { elderId }, body: input })

/** The elder moves to another community of the county. */
export const moveElder = (elderId: string, communityId: string) => call('elders/move', { params: { elderId }, body: { communityId } })

export const verifyElder = (elderId: string, input: VerificationInput) => call('elders/verify', { params: { elderId }, body: input })

/** The list's filters: part of a name, 待核实, an ability, a living situation, a subsidy category. */
export interface CommunityEldersFilter {
  name?: string
  pending?: boolean
  ability?: Ability
  livingSituation?: LivingSituation
  category?: SubsidyCategory
}

export const listCommunityElders = (communityId: string, cursor?: string, limit = 20, filter: CommunityEldersFilter = {}) =>
  call('elders/list-community', {
    params: { communityId },
    query: {
      cursor,
      limit: String(limit),
      ...(filter.name ? { name: filter.name } : {}),
      ...(filter.pending ? { pending: '1' as const } : {}),
      ...(filter.ability ? { ability: filter.ability } : {}),
      ...(filter.livingSituation ? { livingSituation: filter.livingSituation } : {}),
      ...(filter.category ? { category: filter.category } : {}),
    },
  })

/** A worker registers an elder of their community (建档); a likely duplicate answers 409 LIKELY_DUPLICATE. */
export const registerElder = (communityId: string, input: RegisterElderInput) => call('elders/register', { params: { communityId }, body: input })

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

/** The communities a newcomer picks from, by county and service centre. */
export const listCommunityChoices = () => call('org/communities')

/** A new account becomes a volunteer waiting for the community; the answer is a new session. */
export const signUpAsVolunteer = (input: VolunteerSignUpInput) => call('volunteers/sign-up', { body: input })

export const listCommunityVolunteers = (communityId: string, cursor?: string) =>
  call('volunteers/list-community', { params: { communityId }, query: { cursor, limit: '50' } })

export const confirmVolunteer = (userId: string) => call('volunteers/confirm', { params: { userId } })

export const setPartyMember = (userId: string, partyMember: boolean) => call('volunteers/set-party-member', { params: { userId }, body: { partyMember } })

export * from './canteen'
export * from './care'
export * from './care-centre'
export * from './imports'

// The county's organisation (admin): centres, communities, workers and service staff
export const createCentre = (name: string) => call('org/create-centre', { body: { name } })

export const renameCentre = (centreId: string, name: string) => call('org/rename-centre', { params: { centreId }, body: { name } })

export const createCommunity = (centreId: string, name: string) => call('org/create-community', { body: { name, centreId } })

export const renameCommunity = (communityId: string, name: string) => call('org/rename-community', { params: { communityId }, body: { name } })

export const listWorkers = (cursor?: string) => call('workers/list', { query: { cursor, limit: '50' } })

export const addWorker = (input: AddWorkerInput) => call('workers/add', { body: input })

export const moveWorker = (userId: string, place: MoveWorkerInput) => call('workers/move', { params: { userId }, body: place })

export const retireWorker = (userId: string) => call('workers/retire', { params: { userId } })

/** A new 岗位码 for the worker's WeChat; the earlier one stops working. */
export const createWorkerCode = (userId: string) => call('workers/create-code', { params: { userId } })

export const revokeWorkerCode = (userId: string) => call('workers/revoke-code', { params: { userId } })

/** A new WeChat account becomes the worker's or staff member's account; the answer is a new session. */
export const claimStaff = (code: string) => call('me/claim-staff', { body: { code } })
