import type { PointsView, RedemptionView, StoreItemView, StoreResponse, WishSettingsView, WishView } from '@yilin/contract'
import { saveSession } from '../src/lib/session'

export const communityId = 'c-xueyuan'

export function signInWorker() {
  saveSession({
    token: 'token-worker',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { userId: 'u-worker', role: 'worker', name: '刘晓燕', communityId, centreId: 'centre-xueyuan' },
  })
}

const noActions: WishView['can'] = { withdraw: false, review: false, claim: false, release: false, deliver: false, confirm: false, thank: false }

/** 王秀兰's wish as posted, waiting for the community's review. */
export function wishOf(extra: Partial<WishView> = {}): WishView {
  return {
    wishId: 'w-1',
    elderId: 'e-wang',
    elderName: '王秀兰',
    elderDisplay: '王奶奶',
    communityId,
    communityName: '学院路社区',
    title: '想要一个足浴盆',
    story: '我住学院路 12 号 3 栋 201，冬天脚冷，想泡泡脚。',
    category: 'goods',
    categoryName: '物品',
    valueFen: 12000,
    status: 'pending',
    statusName: '等社区审核',
    handover: 'centre',
    handoverName: '送到社区服务站',
    postedAt: '2026-11-20T01:30:00.000Z',
    can: { ...noActions, withdraw: true, review: true },
    timeline: [{ action: 'posted', text: '发布了心愿', at: '2026-11-20T01:30:00.000Z', byName: '王秀兰' }],
    ...extra,
  }
}

export const settingsOf = (extra: Partial<WishSettingsView> = {}): WishSettingsView => ({
  communityId,
  valueCapFen: 30000,
  pointsPerWish: 10,
  claimDays: 7,
  eldersRedeem: false,
  redemptionWindows: [],
  commonWishes: [{ title: '理发上门', category: 'service', valueFen: 0 }],
  ...extra,
})

export const itemOf = (extra: Partial<StoreItemView> = {}): StoreItemView => ({
  itemId: 'i-soap',
  communityId,
  name: '洗衣液 2 升',
  description: '',
  pricePoints: 50,
  active: true,
  stock: 12,
  ...extra,
})

export const storeOf = (items: StoreItemView[] = [itemOf()]): StoreResponse => ({
  communityId,
  communityName: '学院路社区',
  items,
  redemption: { open: true, window: { from: '2026-12-18', to: '2026-12-31' }, text: '兑换期 12月18日 至 12月31日' },
  eldersRedeem: false,
})

export const redemptionOf = (extra: Partial<RedemptionView> = {}): RedemptionView => ({
  redemptionId: 'r-1',
  holderId: 'u-vol-li',
  holderName: '李华',
  communityId,
  itemId: 'i-soap',
  itemName: '洗衣液 2 升',
  pricePoints: 50,
  status: 'waiting',
  statusName: '待领取',
  createdAt: '2026-12-19T02:00:00.000Z',
  ...extra,
})

export const pointsOf = (extra: Partial<PointsView> = {}): PointsView => ({
  holderId: 'u-vol-li',
  holderName: '李华',
  kind: 'volunteer',
  communityId,
  communityName: '学院路社区',
  balance: 120,
  entries: [{ entryId: 'pe-1', amount: 10, kind: 'wish', kindName: '实现心愿', note: '实现心愿“想要一个足浴盆”', at: '2026-11-25T06:00:00.000Z' }],
  redemptions: [],
  ...extra,
})
