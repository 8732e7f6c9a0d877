import { randomBytes } from 'node:crypto';
import { cancelOrderAtomically, ordersOfElderBetween } from '../../src/data/canteen';
import { Binding, User } from '../../src/data/entities';
import { getElder } from '../../src/data/elders';
import { setClock } from '../../src/lib/clock';
import { seedDemoData } from '../../src/local/bootstrap';
import type { Meal } from '../../src/domain/canteen';
import { placeOrderFor } from '../../src/services/orders';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';

/**
 * The cast of the reliability suite: the demo data (seeded with the clock on a Monday morning, before
 * every cutoff, in a year far from today so no real-time expiry interferes) plus one spare relative.
 *
 * Targets by ownership case, seen from the acting users below:
 *  - own: 王秀英 (the elder herself; bound to the family member; in the worker's community)
 *  - other-elder: 张桂兰 (same community as the worker, not bound to the family member)
 *  - other-community: 周淑芬 (another community under another service centre)
 */
export const NOW = '2030-01-07T00:30:00.000Z';
export const TOMORROW = '2030-01-08';
export const DAY_AFTER = '2030-01-09';
export const MONTH = '2030-01';

export const actors = {
  elder: 'demo-elder-wang',
  family: 'demo-family-wanglei',
  volunteer: 'demo-volunteer-liu',
  worker: 'demo-worker-xueyuan',
  admin: 'demo-admin',
} as const;

export const SPARE_FAMILY = 'reliability-family-spare';

export const elderTargets = {
  own: { elderId: 'demo-elder-wang', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-xueyuan' },
  'other-elder': { elderId: 'demo-elder-zhang', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-xueyuan' },
  'other-community': { elderId: 'demo-elder-zhou', centreId: 'demo-centre-guzhangping', communityId: 'demo-comm-guzhangping' },
} as const;

export const centreTargets = { own: 'demo-centre-xueyuan', 'other-centre': 'demo-centre-guzhangping' } as const;
export const communityTargets = { own: 'demo-comm-xueyuan', 'other-community': 'demo-comm-guzhangping' } as const;

export const randomKey = () => `rel-${randomBytes(8).toString('hex')}`;

export async function createWorld(): Promise<void> {
  setClock(NOW);
  await seedDemoData();
  await User.put({ userId: SPARE_FAMILY, role: 'family', name: '备用家属', createdAt: NOW }).go();
}

/** Cancels whatever active order the elder has for the meal, then places a new one (status 已下单). */
export async function freshPlacedOrder(elderId: string, date: string, meal: Meal): Promise<string> {
  for (const order of await ordersOfElderBetween(elderId, date, date)) {
    if (order.meal === meal && order.status !== 'cancelled') {
      await cancelOrderAtomically(order, { to: 'cancelled', at: NOW, byUserId: 'reliability', byName: '测试' });
    }
  }
  const elder = await getElder(elderId);
  if (!elder) throw new Error(`No elder ${elderId}`);
  const { order } = await placeOrderFor(elder, { date, meal, fulfilment: 'eat_in', idempotencyKey: randomKey() }, { userId: 'reliability', name: '测试' });
  return order.orderId;
}

/** Frees the elder's slot for the meal so a new order can be placed. */
export async function clearOrders(elderId: string, date: string, meal: Meal): Promise<void> {
  for (const order of await ordersOfElderBetween(elderId, date, date)) {
    if (order.meal === meal && order.status !== 'cancelled') {
      await cancelOrderAtomically(order, { to: 'cancelled', at: NOW, byUserId: 'reliability', byName: '测试' });
    }
  }
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
