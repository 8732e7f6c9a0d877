import { tokenFor } from './backend';
import { createCareWorld, type CareWorld } from './care-fixtures';
import { createWishWorld, type WishWorld } from './wish-fixtures';

/**
 * Bench-only data beside the demo data: one centre with one community, many elders and a week of menus
 * with room for every order the bench places, so each placement is a real one (its own elder, date and
 * meal) and never a sold-out or duplicate answer. Ids start with `bench-` so they cannot collide.
 */
export const BENCH_CENTRE = 'bench-centre';
export const BENCH_COMMUNITY = 'bench-comm';
export const BENCH_COUNTY = 'demo-county';
export const BENCH_WORKER = 'bench-worker';

export interface Slot {
  date: string;
  meal: 'lunch' | 'dinner';
}

export interface BenchWorld {
  elders: string[];
  /** Orderable (date, meal) pairs: tomorrow onwards, so no cutoff passes during the run. */
  slots: Slot[];
  workerToken: string;
  tokenOf(elderId: string): Promise<string>;
  /** Hands out (elder, slot) pairs that have not been ordered yet. */
  nextPlacement(): { elderId: string; slot: Slot };
  /** Home and medical services of the bench centre (care-fixtures.ts). */
  care: CareWorld;
  /** Micro-wishes and the points store of the bench community (wish-fixtures.ts). */
  wishes: WishWorld;
}

export const elderIdOf = (index: number) => `bench-elder-${String(index).padStart(5, '0')}`;

export async function createBenchWorld(elderCount: number): Promise<BenchWorld> {
  const { Centre, Community, Elder, User } = await import('../../functions/src/features/people/entities');
  const { createMenu } = await import('../../functions/src/features/canteen/data');
  const { addDays, defaultTimes, instantOf, meals } = await import('../../functions/src/features/canteen/rules/canteen');
  const { businessDate, isoNow } = await import('../../functions/src/platform/clock');
  const { demoDishes } = await import('../../functions/src/local/demo-data');
  const now = isoNow();
  await Centre.put({ centreId: BENCH_CENTRE, countyId: BENCH_COUNTY, name: '基准测试服务中心' }).go();
  await Community.put({ communityId: BENCH_COMMUNITY, centreId: BENCH_CENTRE, countyId: BENCH_COUNTY, name: '基准测试社区' }).go();
  const elders = Array.from({ length: elderCount }, (_, i) => elderIdOf(i));
  const users = [
    ...elders.map((elderId, i) => ({ userId: elderId, role: 'elder' as const, name: `测试长辈${i}`, communityId: BENCH_COMMUNITY, centreId: BENCH_CENTRE, countyId: BENCH_COUNTY, createdAt: now })),
    { userId: BENCH_WORKER, role: 'worker' as const, name: '测试工作者', communityId: BENCH_COMMUNITY, centreId: BENCH_CENTRE, countyId: BENCH_COUNTY, createdAt: now },
  ];
  await User.put(users).go({ concurrency: 4 });
  await Elder.put(
    elders.map((elderId, i) => ({
      elderId,
      name: `测试长辈${i}`,
      birthDate: `19${40 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
      phone: `1380000${String(i).padStart(4, '0')}`,
      address: `测试路 ${i} 号`,
      communityId: BENCH_COMMUNITY,
      centreId: BENCH_CENTRE,
      subsidyCategoryRequested: 'normal' as const,
      subsidyCategoryVerified: 'normal' as const,
      mobilityLimited: i % 5 === 0,
      dietary: { lowSalt: i % 2 === 0, lowSugar: false, softFood: i % 3 === 0, allergies: '' },
      emergencyContacts: [],
      createdAt: now,
      updatedAt: now,
    })),
  ).go({ concurrency: 4 });
  const today = businessDate();
  const slots: Slot[] = [];
  for (let offset = 1; offset <= 7; offset++) {
    const date = addDays(today, offset);
    for (const meal of meals) {
      const times = defaultTimes[meal];
      await createMenu({
        centreId: BENCH_CENTRE,
        date,
        meal,
        dishes: demoDishes(meal, offset),
        standardPriceFen: 1500,
        seatCapacity: 100_000,
        deliveryCapacity: 100_000,
        cutoffTime: times.cutoff,
        servingTime: times.serving,
        cutoffAt: instantOf(date, times.cutoff).toISOString(),
        servingAt: instantOf(date, times.serving).toISOString(),
        publishedBy: BENCH_WORKER,
        updatedAt: now,
      });
      slots.push({ date, meal });
    }
  }
  const care = await createCareWorld({ centreId: BENCH_CENTRE, countyId: BENCH_COUNTY, elders });
  const wishes = await createWishWorld({ centreId: BENCH_CENTRE, countyId: BENCH_COUNTY, communityId: BENCH_COMMUNITY, elders });
  const tokens = new Map<string, string>();
  let next = 0;
  return {
    elders,
    slots,
    care,
    wishes,
    workerToken: await tokenFor({ userId: BENCH_WORKER, role: 'worker', communityId: BENCH_COMMUNITY, centreId: BENCH_CENTRE }),
    async tokenOf(elderId) {
      let token = tokens.get(elderId);
      if (!token) {
        token = await tokenFor({ userId: elderId, role: 'elder', communityId: BENCH_COMMUNITY, centreId: BENCH_CENTRE });
        tokens.set(elderId, token);
      }
      return token;
    },
    nextPlacement() {
      // Neighbouring placements go to different elders and different menus; pair (e, s) never repeats.
      const index = next++;
      const round = Math.floor(index / elders.length);
      if (round >= slots.length) throw new Error('The bench world ran out of unordered (elder, meal) pairs');
      const elder = index % elders.length;
      return { elderId: elders[elder], slot: slots[(elder + round) % slots.length] };
    },
  };
}
