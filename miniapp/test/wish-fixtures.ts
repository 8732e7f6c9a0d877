import type { ElderWishesResponse, WishSettingsView, WishView } from '@yilin/contract'
import { elderWang, summaryOf } from './fixtures'

export const wishSettings: WishSettingsView = {
  communityId: 'c-xueyuan',
  valueCapFen: 300_00,
  pointsPerWish: 10,
  claimDays: 7,
  eldersRedeem: true,
  redemptionWindows: [],
  commonWishes: [
    { title: '想理个发', category: 'service', valueFen: 30_00 },
    { title: '想有人陪我聊聊天', category: 'company', valueFen: 0 },
  ],
}

const nothingToDo: WishView['can'] = { withdraw: false, review: false, claim: false, release: false, deliver: false, confirm: false, thank: false }

/** A wish of 王秀兰's, as the elder's side sees it; pending unless told otherwise. */
export function wishOf(extra: Partial<WishView> = {}): WishView {
  return {
    wishId: 'w-1',
    elderId: 'e-wang',
    elderDisplay: '王奶奶',
    communityId: 'c-xueyuan',
    communityName: '学院路社区',
    title: '想理个发',
    story: '腿脚不方便，出不了门',
    category: 'service',
    categoryName: '服务',
    valueFen: 30_00,
    status: 'pending',
    statusName: '等社区审核',
    handover: 'centre',
    handoverName: '送到社区服务站',
    postedAt: '2026-11-20T02:00:00.000Z',
    ...extra,
    can: { ...nothingToDo, ...extra.can },
  }
}

export const claimer = { name: '李华', partyMember: true }

/** The same wish at each step of its way. */
export const wishAt = {
  pending: () => wishOf({ wishId: 'w-pending', can: { ...nothingToDo, withdraw: true } }),
  published: () => wishOf({ wishId: 'w-published', status: 'published', statusName: '等志愿者认领', can: { ...nothingToDo, withdraw: true } }),
  claimed: () =>
    wishOf({
      wishId: 'w-claimed',
      status: 'claimed',
      statusName: '志愿者已认领',
      claimer,
      claimedAt: '2026-11-21T02:00:00.000Z',
      // 23:59 on 28 November in China.
      claimDeadline: '2026-11-28T15:59:00.000Z',
    }),
  delivered: () =>
    wishOf({
      wishId: 'w-delivered',
      status: 'delivered',
      statusName: '志愿者说已办好，等确认',
      claimer,
      delivery: { message: '头发理好了，奶奶很满意', at: '2026-11-22T03:00:00.000Z', photoUrl: 'https://files.yilin.invalid/w-delivered.jpg' },
      can: { ...nothingToDo, confirm: true },
    }),
  realised: () =>
    wishOf({
      wishId: 'w-realised',
      status: 'realised',
      statusName: '已实现',
      claimer,
      realisedAt: '2026-11-22T05:00:00.000Z',
      points: 10,
      can: { ...nothingToDo, thank: true },
    }),
  rejected: () => wishOf({ wishId: 'w-rejected', status: 'rejected', statusName: '没有通过', rejectReason: '这个心愿超出了社区能帮的范围' }),
}

export function elderWishes(wishes: WishView[]): ElderWishesResponse {
  return { elder: summaryOf(elderWang), wishes, settings: wishSettings }
}
