import { randomBytes } from 'node:crypto';
import { cancelOrderAtomically, ordersOfElderBetween } from '../../src/features/canteen/data';
import { createMenu } from '../../src/features/canteen/data';
import { Binding, Centre, Community, County, Elder, User } from '../../src/features/people/entities';
import { instantOf } from '../../src/features/canteen/rules/canteen';
import { getElder } from '../../src/features/people/data/elders';
import { setClock } from '../../src/platform/clock';
import { seedDemoData } from '../../src/local/bootstrap';
import type { Meal } from '../../src/features/canteen/rules/canteen';
import { placeOrderFor } from '../../src/features/canteen/orders';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { StaffPost } from '../../src/features/people/data/staff';
import { saveService } from '../../src/features/care/data';
import { ulid } from 'ulid';
import { Volunteer } from '../../src/features/people/data/volunteers';
import { DEFAULT_WISH_SETTINGS, pointsAccount, saveWishSettings, stockAccount } from '../../src/features/wishes/data';
import { StoreItem } from '../../src/features/wishes/entities';
import { moveAccount } from '../../src/store/ledger';

/**
 * The cast of the reliability suite: the demo data (seeded with the clock on a Monday morning, before
 * every cutoff, in a year far from today so no real-time expiry interferes) plus one spare relative.
 *
 * The staff actor is a nurse of the worker's centre; each centre the matrix books in has another nurse and
 * a checkup service of its own (see {@link staffOf}, {@link serviceOf}).
 *
 * Targets by ownership case, seen from the acting users below:
 *  - own: 王秀英 (the elder herself; bound to the family member; in the worker's community)
 *  - other-elder: 张桂兰 (same community as the worker, not bound to the family member)
 *  - same-centre: 赵德福 (another community of the worker's service centre: its canteen is the worker's too)
 *  - other-community: 周淑芬 (another community under another service centre)
 *  - other-county: 吴春梅 (a community of another county, which the admin does not run)
 */
export const NOW = '2030-01-07T00:30:00.000Z';
export const TODAY = '2030-01-07';
export const TOMORROW = '2030-01-08';
export const DAY_AFTER = '2030-01-09';
export const MONTH = '2030-01';

export const actors = {
  elder: 'demo-elder-wang',
  family: 'demo-family-wanglei',
  volunteer: 'demo-volunteer-liu',
  worker: 'demo-worker-xueyuan',
  staff: 'reliability-staff',
  admin: 'demo-admin',
} as const;

export const SPARE_FAMILY = 'reliability-family-spare';

/** The second county of the world: one centre, one community, one elder. */
export const otherCounty = {
  countyId: 'rel-county-2',
  centreId: 'rel-centre-county-2',
  communityId: 'rel-comm-county-2',
  elderId: 'rel-elder-county-2',
} as const;

export const elderTargets = {
  own: { elderId: 'demo-elder-wang', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-xueyuan' },
  'other-elder': { elderId: 'demo-elder-zhang', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-xueyuan' },
  'same-centre': { elderId: 'demo-elder-zhao', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-dongfeng' },
  'other-community': { elderId: 'demo-elder-zhou', centreId: 'demo-centre-guzhangping', communityId: 'demo-comm-guzhangping' },
  'other-county': { elderId: otherCounty.elderId, centreId: otherCounty.centreId, communityId: otherCounty.communityId },
} as const;

export const centreTargets = { own: 'demo-centre-xueyuan', 'other-centre': 'demo-centre-guzhangping', 'other-county': otherCounty.centreId } as const;
export const communityTargets = {
  own: 'demo-comm-xueyuan',
  'same-centre': 'demo-comm-dongfeng',
  'other-community': 'demo-comm-guzhangping',
  'other-county': otherCounty.communityId,
} as const;

/** Another county next to the demo one, with menus for the days the matrix orders for. */
async function createOtherCounty(): Promise<void> {
  const { countyId, centreId, communityId, elderId } = otherCounty;
  await County.put({ countyId, name: '邻县居家养老服务指导中心' }).go();
  await Centre.put({ centreId, countyId, name: '邻县综合养老服务中心' }).go();
  await Community.put({ communityId, centreId, countyId, name: '河西社区' }).go();
  await User.put({ userId: elderId, role: 'elder', name: '吴春梅', communityId, centreId, countyId, createdAt: NOW }).go();
  await Elder.put({
    elderId, name: '吴春梅', birthDate: '1945-08-08', phone: '13807349999', address: '河西路 7 号 2 栋 301',
    communityId, centreId, subsidyCategoryRequested: 'normal', subsidyCategoryVerified: 'normal', mobilityLimited: false,
    dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [], createdAt: NOW, updatedAt: NOW,
  }).go();
  for (const [date, meal] of [[TOMORROW, 'lunch'], [DAY_AFTER, 'dinner']] as const) {
    const [cutoff, serving] = meal === 'lunch' ? ['09:30', '11:30'] : ['15:30', '17:30'];
    await createMenu({
      centreId, date, meal, dishes: [{ name: '番茄炒蛋', kind: 'veg', tags: [] }], standardPriceFen: 1500, seatCapacity: 50, deliveryCapacity: 0,
      cutoffTime: cutoff, servingTime: serving, cutoffAt: instantOf(date, cutoff).toISOString(), servingAt: instantOf(date, serving).toISOString(),
      publishedBy: 'reliability', updatedAt: NOW,
    });
  }
}

/** Another nurse of each centre: who is sent when the matrix's staff member is not. */
export const staffOf: Record<string, string> = {
  'demo-centre-xueyuan': 'rel-staff-xueyuan',
  'demo-centre-guzhangping': 'rel-staff-guzhangping',
  [otherCounty.centreId]: 'rel-staff-county-2',
};

/** Each centre's checkup service of the reliability suite: every day 09:00–10:00, 50 places. */
export const serviceOf = (centreId: string) => `rel-svc-${centreId}`;

/** A service staff member as the centre keeps them: an active account and its post, with number and skills. */
async function putStaffMember(userId: string, name: string, centreId: string, countyId: string): Promise<void> {
  await User.put({ userId, role: 'staff', name, centreId, countyId, status: 'active', createdAt: NOW }).go();
  await StaffPost.put({
    userId, countyId, role: 'staff', name, phone: '13907347001', centreId, status: 'active', staffNumber: 'N101', skills: ['nursing'], createdAt: NOW, updatedAt: NOW,
  }).go();
}

/** The nurses and the checkup service of each centre the matrix books in. */
async function createCare(): Promise<void> {
  const countyOf = (centreId: string) => (centreId === otherCounty.centreId ? otherCounty.countyId : 'demo-county');
  await putStaffMember(actors.staff, '马丽', 'demo-centre-xueyuan', 'demo-county');
  for (const [centreId, staffId] of Object.entries(staffOf)) {
    await putStaffMember(staffId, '矩阵护士', centreId, countyOf(centreId));
    await saveService({
      centreId, serviceId: serviceOf(centreId), category: 'medical', name: '上门健康检查', description: '护士上门量血压、测血糖', durationMinutes: 60, priceFen: 3000,
      skill: 'nursing', windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '10:00', capacity: 50 })), checklist: [], active: true,
      updatedBy: 'reliability', updatedAt: NOW,
    });
  }
}

/** A confirmed volunteer of another community of the county, and one of the other county. */
export const volunteersElsewhere = { 'other-community': 'rel-volunteer-guzhangping', 'other-county': 'rel-volunteer-county-2' } as const;

/** Whose points each case of the points matrix names (two elders and four volunteers), each given 1000. */
export const pointsHolders = {
  own: actors.elder,
  volunteer: actors.volunteer,
  'other-volunteer': 'demo-volunteer-huang',
  'same-centre': 'demo-elder-zhao',
  ...volunteersElsewhere,
} as const;

/** Each community's store item of the reliability suite: one point a piece, 1000 in stock. */
export const storeItemOf = (communityId: string) => `rel-item-${communityId}`;

/** The home community's own redemption window around NOW (the default windows close the quarters) and elders may redeem. */
export const REDEMPTION_WINDOW = { from: '2030-01-01', to: '2030-01-31' };

/** Volunteers elsewhere, the home community's wish settings, a store item in every community, points for every holder. */
async function createWishes(): Promise<void> {
  const places = {
    'other-community': { communityId: 'demo-comm-guzhangping', centreId: 'demo-centre-guzhangping', countyId: 'demo-county' },
    'other-county': { communityId: otherCounty.communityId, centreId: otherCounty.centreId, countyId: otherCounty.countyId },
  };
  for (const [caseName, userId] of Object.entries(volunteersElsewhere) as Array<[keyof typeof places, string]>) {
    const place = places[caseName];
    await User.put({ userId, role: 'volunteer', name: '矩阵志愿者', ...place, createdAt: NOW }).go();
    await Volunteer.put({ userId, name: '矩阵志愿者', phone: '13907345500', ...place, status: 'confirmed', partyMember: false, signedUpAt: NOW, updatedAt: NOW }).go();
  }
  await saveWishSettings(communityTargets.own, { ...DEFAULT_WISH_SETTINGS, eldersRedeem: true, redemptionWindows: [REDEMPTION_WINDOW] }, { userId: 'reliability', name: '可靠性测试', role: 'worker' }, NOW);
  for (const communityId of Object.values(communityTargets)) {
    const itemId = storeItemOf(communityId);
    await StoreItem.put({ communityId, itemId, name: '洗衣液', description: '2 公斤装', pricePoints: 1, active: true, updatedBy: 'reliability', updatedAt: NOW }).go();
    await moveAccount({ account: stockAccount(itemId), entryId: ulid(), amount: 1000, reason: '上架', at: NOW });
  }
  for (const holderId of Object.values(pointsHolders)) {
    await moveAccount({ account: pointsAccount(holderId), entryId: ulid(), amount: 1000, reason: '志愿服务时长', at: NOW });
  }
}

export const randomKey = () => `rel-${randomBytes(8).toString('hex')}`;

export async function createWorld(): Promise<void> {
  setClock(NOW);
  await seedDemoData();
  await createOtherCounty();
  await User.put({ userId: SPARE_FAMILY, role: 'family', name: '备用家属', createdAt: NOW }).go();
  await createCare();
  await createWishes();
}

/** Cancels whatever active order the elder has for the meal, then places a new one (status 已下单). */
export async function freshPlacedOrder(elderId: string, date: string, meal: Meal): Promise<string> {
  for (const order of await ordersOfElderBetween(elderId, date, date)) {
    if (order.meal === meal && order.status !== 'cancelled') {
      await cancelOrderAtomically(order, { at: NOW, by: { userId: 'reliability', name: '测试', role: 'worker' } });
    }
  }
  const elder = await getElder(elderId);
  if (!elder) throw new Error(`No elder ${elderId}`);
  const { order } = await placeOrderFor(elder, { date, meal, fulfilment: 'eat_in', idempotencyKey: randomKey() }, { userId: 'reliability', name: '测试', role: 'worker' });
  return order.orderId;
}

/** Frees the elder's slot for the meal so a new order can be placed. */
export async function clearOrders(elderId: string, date: string, meal: Meal): Promise<void> {
  for (const order of await ordersOfElderBetween(elderId, date, date)) {
    if (order.meal === meal && order.status !== 'cancelled') {
      await cancelOrderAtomically(order, { at: NOW, by: { userId: 'reliability', name: '测试', role: 'worker' } });
    }
  }
}

/** The target's personal data, which a refusal must never show. */
export async function elderSecrets(elderId: string): Promise<string[]> {
  const elder = await getElder(elderId);
  return elder ? [elder.phone, elder.address] : [];
}

export async function bindSpareFamily(elderId: string): Promise<void> {
  await Binding.put({ elderId, familyId: SPARE_FAMILY, familyName: '备用家属', boundAt: NOW }).go();
}

/** Seeds the world once per file, points WeChat sign-in at a loopback fake, and fixes the clock per test. */
export function useWorldWithWechat(): void {
  let wechat: FakeWechat | undefined;
  beforeAll(async () => {
    wechat = await startFakeWechat();
    process.env.WECHAT_API_BASE = wechat.url;
    await createWorld();
  });
  afterAll(async () => wechat?.close());
  beforeEach(() => setClock(NOW));
}
