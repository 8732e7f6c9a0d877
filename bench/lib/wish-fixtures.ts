import { tokenFor } from './backend';

/**
 * Bench-only micro-wishes and points beside the canteen's bench world: confirmed volunteers of the bench
 * community, published wishes enough for every claim the bench makes, spread over communities of the bench
 * centre so that claims in flight together move different communities' counts (each claim updates its
 * community's tally in its transaction, as neighbouring placements take different menus' seats), and an
 * open store with an item in stock and a volunteer with points for every redemption the bench makes.
 */
const VOLUNTEERS = 20;
const COMMUNITIES = 24;
const WISHES = 1_200;

export interface WishWorld {
  /** The community whose wall a volunteer of the bench opens by default: their own. */
  wallCommunity: string;
  volunteerToken: string;
  /** Hands out (volunteer, published wish) pairs not claimed yet, neighbouring ones in other communities. */
  nextClaim(): { volunteerId: string; token: string; wishId: string };
  redeemer: { holderId: string; token: string; itemId: string };
}

export interface WishWorldInput {
  centreId: string;
  countyId: string;
  /** The bench community (its volunteers' own) and its elders. */
  communityId: string;
  elders: string[];
}

export async function createWishWorld({ centreId, countyId, communityId, elders }: WishWorldInput): Promise<WishWorld> {
  const { addDays } = await import('@yilin/contract');
  const { ulid } = await import('ulid');
  const { Community, Elder, User } = await import('../../functions/src/features/people/entities');
  const { Volunteer } = await import('../../functions/src/features/people/data/volunteers');
  const { ElderWish, StoreItem, Wish, WishSettings, WishTally } = await import('../../functions/src/features/wishes/entities');
  const { DEFAULT_WISH_SETTINGS, pointsAccount, stockAccount } = await import('../../functions/src/features/wishes/data');
  const { elderDisplayOf } = await import('../../functions/src/features/wishes/rules/wish');
  const { move } = await import('../../functions/src/store/ledger');
  const { writeTogether } = await import('../../functions/src/store/transactions');
  const { businessDate, isoNow } = await import('../../functions/src/platform/clock');
  const now = isoNow();

  // The bench community and 23 more of the bench centre, each of those with one elder.
  const others = Array.from({ length: COMMUNITIES - 1 }, (_, i) => ({ communityId: `bench-wish-comm-${String(i).padStart(2, '0')}`, elderId: `bench-wish-elder-${String(i).padStart(2, '0')}` }));
  await Community.put(others.map(({ communityId: id }, i) => ({ communityId: id, centreId, countyId, name: `基准测试心愿社区${i}` }))).go({ concurrency: 4 });
  await Elder.put(
    others.map(({ communityId: id, elderId }, i) => ({
      elderId, name: `心愿长辈${i}`, sex: 'female' as const, birthDate: '1945-03-08', phone: `1380001${String(i).padStart(4, '0')}`, address: `心愿路 ${i} 号`,
      communityId: id, centreId, subsidyCategoryRequested: 'normal' as const, subsidyCategoryVerified: 'normal' as const, mobilityLimited: false,
      dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [], createdAt: now, updatedAt: now,
    })),
  ).go({ concurrency: 4 });
  const places = [{ communityId, elderId: elders[0] }, ...others];

  const volunteers = Array.from({ length: VOLUNTEERS }, (_, i) => `bench-volunteer-${String(i).padStart(2, '0')}`);
  await User.put(volunteers.map((userId, i) => ({ userId, role: 'volunteer' as const, name: `测试志愿者${i}`, communityId, centreId, countyId, createdAt: now }))).go({ concurrency: 4 });
  await Volunteer.put(
    volunteers.map((userId, i) => ({
      userId, name: `测试志愿者${i}`, phone: `1390002${String(i).padStart(4, '0')}`, communityId, centreId, countyId, status: 'confirmed' as const,
      partyMember: i % 3 === 0, signedUpAt: now, confirmedByUserId: 'bench', confirmedByName: '基准测试', confirmedAt: now, updatedAt: now,
    })),
  ).go({ concurrency: 4 });

  // Published wishes written as they stand (the wall's and the claim's reads do not care how they got there),
  // with each community's counts to match.
  const wishIds = Array.from({ length: WISHES }, () => ulid());
  const wishes = wishIds.map((wishId, i) => {
    const place = places[i % places.length];
    return {
      wishId, elderId: place.elderId, elderName: '测试长辈', elderDisplay: elderDisplayOf('测试长辈', 'female'), communityId: place.communityId, centreId, countyId,
      status: 'published' as const, title: '想请人上门理个发', story: '腿脚不方便，好久没理发了。', category: 'service' as const, valueFen: 0, handover: 'centre' as const,
      postedBy: place.elderId, postedAt: now, version: 2, updatedAt: now,
    };
  });
  await Wish.put(wishes).go({ concurrency: 4 });
  await ElderWish.put(wishes.map(({ elderId, wishId }) => ({ elderId, wishId }))).go({ concurrency: 4 });
  await WishTally.put(places.map((place) => {
    const count = wishes.filter((wish) => wish.communityId === place.communityId).length;
    return { communityId: place.communityId, collected: count, waiting: count, inProgress: 0, realised: 0 };
  })).go({ concurrency: 4 });

  // The bench community's store, open for a month, with an item in stock and a volunteer with points.
  const today = businessDate();
  await WishSettings.put({ communityId, ...DEFAULT_WISH_SETTINGS, redemptionWindows: [{ from: addDays(today, -1), to: addDays(today, 30) }], updatedBy: 'bench', updatedAt: now }).go();
  const itemId = ulid();
  await StoreItem.put({ communityId, itemId, name: '洗衣液', description: '2 公斤装', pricePoints: 20, active: true, updatedBy: 'bench', updatedAt: now }).go();
  const stock = move({ account: stockAccount(itemId), entryId: ulid(), amount: 10_000, reason: '上架', at: now });
  const points = move({ account: pointsAccount(volunteers[0]), entryId: ulid(), amount: 100_000, reason: '基准测试', ref: `adjust#bench`, at: now });
  const stocked = await writeTogether({ stockEntry: stock.entry, stock: stock.balance, pointsEntry: points.entry, points: points.balance });
  if (!stocked.written) throw new Error(`bench store not stocked: ${stocked.failed.join(', ')}`);

  const tokens = await Promise.all(volunteers.map((userId) => tokenFor({ userId, role: 'volunteer', communityId, centreId, countyId })));
  let next = 0;
  return {
    wallCommunity: communityId,
    volunteerToken: tokens[0],
    nextClaim() {
      // Wishes were laid out round-robin over the communities: consecutive claims land in different ones.
      const index = next++;
      if (index >= wishIds.length) throw new Error('The bench world ran out of published wishes');
      return { volunteerId: volunteers[index % VOLUNTEERS], token: tokens[index % VOLUNTEERS], wishId: wishIds[index] };
    },
    redeemer: { holderId: volunteers[0], token: tokens[0], itemId },
  };
}
