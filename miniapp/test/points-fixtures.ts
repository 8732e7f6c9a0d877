import type { LeaderboardResponse, MyWishesResponse, PointsView, RedemptionView, StoreItemView, StoreResponse, WallResponse, WishTallyView, WishView } from '@yilin/contract'

/** Micro-wishes and points as the API answers them, for the volunteer pages and the points page. */

const can = { withdraw: false, review: false, claim: false, release: false, deliver: false, confirm: false, thank: false }

/** A wish's fields to change; `can` names only what differs from the fixture's. */
export type WishOverrides = Omit<Partial<WishView>, 'can'> & { can?: Partial<WishView['can']> }

export function wishOf(overrides: WishOverrides = {}): WishView {
  return {
    wishId: 'w-radio',
    elderDisplay: '王奶奶',
    communityId: 'c-xueyuan',
    communityName: '学院路社区',
    title: '想要一台收音机',
    story: '眼睛不好，想听听戏。',
    category: 'goods',
    categoryName: '物品',
    valueFen: 8000,
    status: 'published',
    statusName: '等志愿者认领',
    handover: 'centre',
    handoverName: '送到社区服务站',
    postedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
    can: { ...can, ...overrides.can },
  }
}

/** The radio wish once 刘洋 claimed it: how to hand it over and by when, with release and deliver open to him. */
export const claimedWish = (overrides: WishOverrides = {}) =>
  wishOf({
    status: 'claimed',
    statusName: '志愿者已认领',
    claimer: { name: '刘洋', partyMember: false },
    claimedAt: '2026-11-30T02:00:00.000Z',
    claimDeadline: '2026-12-14T02:00:00.000Z',
    handoverDetail: { place: '学院路社区服务站', address: '学院路 8 号', phone: '07348123456' },
    ...overrides,
    can: { ...can, release: true, deliver: true, ...overrides.can },
  })

export const tallyOf = (overrides: Partial<WishTallyView> = {}): WishTallyView => ({
  communityId: 'c-xueyuan',
  communityName: '学院路社区',
  collected: 381,
  waiting: 20,
  inProgress: 12,
  realised: 218,
  ...overrides,
})

export const wallOf = (overrides: Partial<WallResponse> = {}): WallResponse => ({ tallies: [tallyOf()], wishes: [wishOf()], cursor: null, realised: [], ...overrides })

export const myWishesOf = (overrides: Partial<MyWishesResponse> = {}): MyWishesResponse => ({
  inHand: [claimedWish()],
  realised: [wishOf({ wishId: 'w-hair', title: '理发上门', status: 'realised', statusName: '已实现', realisedAt: '2026-11-10T02:00:00.000Z', points: 20 })],
  balance: 120,
  confirmed: true,
  partyMember: false,
  ...overrides,
})

export const leaderboardOf = (overrides: Partial<LeaderboardResponse> = {}): LeaderboardResponse => ({
  communityId: 'c-xueyuan',
  communityName: '学院路社区',
  month: '2026-11',
  rows: [
    { rank: 1, name: '黄丽华', points: 60, partyMember: true },
    { rank: 2, name: '刘洋', points: 40, partyMember: false, you: true },
    { rank: 3, name: '唐小军', points: 10, partyMember: false },
  ],
  ...overrides,
})

export const itemOf = (overrides: Partial<StoreItemView> = {}): StoreItemView => ({
  itemId: 'i-oil',
  communityId: 'c-xueyuan',
  name: '食用油一桶',
  description: '5 升花生油',
  pricePoints: 100,
  active: true,
  stock: 5,
  ...overrides,
})

export const storeOf = (overrides: Partial<StoreResponse> = {}): StoreResponse => ({
  communityId: 'c-xueyuan',
  communityName: '学院路社区',
  items: [itemOf(), itemOf({ itemId: 'i-towel', name: '毛巾两条', description: '', pricePoints: 30, stock: 0 }), itemOf({ itemId: 'i-rice', name: '大米一袋', pricePoints: 500 })],
  redemption: { open: true, window: { from: '2026-12-18', to: '2026-12-31' }, text: '兑换期 12月18日 至 12月31日' },
  eldersRedeem: true,
  ...overrides,
})

/** The store between windows: the next one named. */
export const closedStore = () =>
  storeOf({ redemption: { open: false, window: { from: '2027-03-18', to: '2027-03-31' }, text: '下次兑换期 2027年3月18日 至 3月31日' } })

export const redemptionOf = (overrides: Partial<RedemptionView> = {}): RedemptionView => ({
  redemptionId: 'r-1',
  holderId: 'v-liu',
  holderName: '刘洋',
  communityId: 'c-xueyuan',
  itemId: 'i-oil',
  itemName: '食用油一桶',
  pricePoints: 100,
  status: 'waiting',
  statusName: '待领取',
  createdAt: '2026-11-29T02:00:00.000Z',
  ...overrides,
})

export const pointsOf = (overrides: Partial<PointsView> = {}): PointsView => ({
  holderId: 'v-liu',
  holderName: '刘洋',
  kind: 'volunteer',
  communityId: 'c-xueyuan',
  communityName: '学院路社区',
  balance: 120,
  entries: [
    { entryId: 'p-2', amount: -100, kind: 'redeem', kindName: '兑换', note: '食用油一桶', at: '2026-11-29T02:00:00.000Z' },
    { entryId: 'p-1', amount: 20, kind: 'wish', kindName: '实现心愿', note: '实现心愿“理发上门”', at: '2026-11-10T02:00:00.000Z' },
  ],
  redemptions: [],
  ...overrides,
})
