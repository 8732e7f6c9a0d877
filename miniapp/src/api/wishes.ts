import type {
  AddStoreItemInput,
  AdjustPointsInput,
  DeliverWishInput,
  GrantPointsInput,
  PublishWishInput,
  RedeemInput,
  RedemptionStatus,
  RestockInput,
  StoreItemInput,
  WishInput,
  WishSettingsInput,
  WishStatus,
} from '@yilin/contract'
import { call } from './client'

/** Micro-wishes (微心愿), points (积分) and the points store: the routes of the contract's route table. */

// The elder's side
export const getElderWishes = (elderId: string) => call('wishes/elder-wishes', { params: { elderId } })
/** Sent again with the same key after a lost answer: the wish is posted once. */
export const postWish = (elderId: string, input: WishInput) => call('wishes/post', { params: { elderId }, body: input })
export const getWish = (wishId: string) => call('wishes/get', { params: { wishId } })
export const withdrawWish = (wishId: string) => call('wishes/withdraw', { params: { wishId } })
export const confirmWish = (wishId: string) => call('wishes/confirm', { params: { wishId } })
export const thankForWish = (wishId: string, message: string) => call('wishes/thank', { params: { wishId }, body: { message } })

// The community
export const listCommunityWishes = (communityId: string, status?: WishStatus, cursor?: string) =>
  call('wishes/community', { params: { communityId }, query: { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } })
export const publishWish = (wishId: string, input: PublishWishInput) => call('wishes/publish', { params: { wishId }, body: input })
export const rejectWish = (wishId: string, reason: string) => call('wishes/reject', { params: { wishId }, body: { reason } })
export const getWishSettings = (communityId: string) => call('wishes/settings', { params: { communityId } })
export const setWishSettings = (communityId: string, input: WishSettingsInput) => call('wishes/set-settings', { params: { communityId }, body: input })

// Volunteers
export const getWall = (communityId?: string, cursor?: string) =>
  call('wishes/wall', { query: { ...(communityId ? { communityId } : {}), ...(cursor ? { cursor } : {}) } })
export const claimWish = (wishId: string) => call('wishes/claim', { params: { wishId } })
export const releaseWish = (wishId: string) => call('wishes/release', { params: { wishId } })
export const wishPhotoUpload = (wishId: string, contentType: 'image/jpeg' | 'image/png' | 'image/webp') =>
  call('wishes/photo-upload', { params: { wishId }, body: { contentType } })
export const deliverWish = (wishId: string, input: DeliverWishInput) => call('wishes/deliver', { params: { wishId }, body: input })
export const getMyWishes = () => call('wishes/mine', {})

// Points and the store
export const getPoints = (holderId: string) => call('points/get', { params: { holderId } })
export const grantPoints = (holderId: string, input: GrantPointsInput) => call('points/grant', { params: { holderId }, body: input })
export const adjustPoints = (holderId: string, input: AdjustPointsInput) => call('points/adjust', { params: { holderId }, body: input })
export const getLeaderboard = (communityId: string, month?: string) => call('points/leaderboard', { params: { communityId }, query: month ? { month } : {} })
export const getStore = (communityId: string) => call('points/store', { params: { communityId } })
export const addStoreItem = (communityId: string, input: AddStoreItemInput) => call('points/add-item', { params: { communityId }, body: input })
export const updateStoreItem = (communityId: string, itemId: string, input: StoreItemInput) =>
  call('points/update-item', { params: { communityId, itemId }, body: input })
export const restockItem = (communityId: string, itemId: string, input: RestockInput) => call('points/restock', { params: { communityId, itemId }, body: input })
/** For oneself (a volunteer) or for an elder (the elder, or a relative on their behalf). */
export const redeem = (holderId: string, input: RedeemInput) => call('points/redeem', { params: { holderId }, body: input })
export const listRedemptions = (communityId: string, status?: RedemptionStatus, cursor?: string) =>
  call('points/redemptions', { params: { communityId }, query: { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } })
export const handOverRedemption = (redemptionId: string) => call('points/hand-over', { params: { redemptionId } })
export const cancelRedemption = (redemptionId: string) => call('points/cancel-redemption', { params: { redemptionId } })
/** A form to upload one voice note for the elder's next wish (WeChat's recorder writes MP3). */
export const wishVoiceUpload = (elderId: string, contentType: 'audio/mpeg' | 'audio/aac' | 'audio/mp4') =>
  call('wishes/voice-upload', { params: { elderId }, body: { contentType } })
