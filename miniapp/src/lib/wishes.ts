/** Where the micro-wishes and points live in the mini-program. */

export const WISHES_URL = '/pages/wishes/index'
export const WISH_POST_URL = '/pages/wish-post/index'
export const wishUrl = (wishId: string) => `/pages/wish/index?wishId=${encodeURIComponent(wishId)}`
/** A holder's points and the store: oneself when no holder is named (a volunteer), or an elder. */
export const pointsUrl = (holderId?: string) => (holderId ? `/pages/points/index?holderId=${encodeURIComponent(holderId)}` : '/pages/points/index')
export const WALL_URL = '/volunteer/wall/index'
export const volunteerWishUrl = (wishId: string) => `/volunteer/wish/index?wishId=${encodeURIComponent(wishId)}`
export const MY_WISHES_URL = '/volunteer/mine/index'
export const LEADERBOARD_URL = '/volunteer/leaderboard/index'
export const workerWishUrl = (wishId: string) => `/worker/wish/index?wishId=${encodeURIComponent(wishId)}`
export const workerPointsUrl = (holderId: string) => `/worker/points/index?holderId=${encodeURIComponent(holderId)}`
