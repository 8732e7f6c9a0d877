import { businessDateOf, type BookingStatus, type OrderStatus, type RedemptionStatus, type WishStatus } from '@yilin/contract';
import { isCounted } from '../../canteen/rules/statement';
import { isCollected } from '../../wishes/rules/wish';

/**
 * What each record adds to the figures of its place, as a pure function of the record alone. A figure is
 * the sum of the contributions of every record; a change of a record moves each figure by what its new
 * version contributes minus what its old one did. So the figures can always be recounted from the records,
 * and the consumer only ever adds differences.
 *
 * A contribution's key is `<bucket>#<metric>`. Buckets:
 *  - `d#<date>`  a day (today's meals and visits),
 *  - `m#<month>` a month (what the county reports and charts; also side by side under the place above),
 *  - `g`         now (pending work, wishes by stage, the register),
 *  - `o#<date>#<window end>` confirmed visits not started, by when they should have ended (overdue),
 *  - `q#<date>`  elders living alone by the day they were last seen (to knock on).
 */
export interface Contribution {
  key: string;
  amount: number;
}

/** A record's place: whose figures it counts in. */
export interface Place {
  communityId: string;
  centreId: string;
}

type Item = Record<string, unknown>;

const monthOf = (date: string) => date.slice(0, 7);
/** The business date (Asia/Shanghai) of an ISO instant. */
export const dayOfInstant = (iso: string) => businessDateOf(Date.parse(iso));

const add = (list: Contribution[], key: string, amount = 1) => {
  if (amount !== 0) list.push({ key, amount });
};

function orderContributions(order: Item): Contribution[] {
  const out: Contribution[] = [];
  const status = order.status as OrderStatus;
  const date = order.date as string;
  if (status === 'cancelled') return out;
  add(out, `d#${date}#meals.${String(order.meal)}.${String(order.fulfilment)}`);
  if (status === 'placed') add(out, 'g#ordersPending');
  if (isCounted(status)) {
    const month = `m#${monthOf(date)}`;
    const category = (order.subsidyCategory as string | undefined) ?? 'none';
    add(out, `d#${date}#mealsDone.${String(order.meal)}`);
    add(out, `${month}#meals`);
    add(out, `${month}#mealPaidFen`, order.priceFen as number);
    add(out, `${month}#mealSubsidyFen`, order.subsidyFen as number);
    add(out, `${month}#meals.cat.${category}`);
    add(out, `${month}#mealPaidFen.cat.${category}`, order.priceFen as number);
    add(out, `${month}#mealSubsidyFen.cat.${category}`, order.subsidyFen as number);
  }
  return out;
}

const liveBooking = (status: BookingStatus) => status !== 'cancelled' && status !== 'rejected';

function bookingContributions(booking: Item): Contribution[] {
  const out: Contribution[] = [];
  const status = booking.status as BookingStatus;
  const date = booking.date as string;
  const month = `m#${monthOf(date)}`;
  if (liveBooking(status)) add(out, `d#${date}#visits.booked`);
  if (status === 'requested') add(out, 'g#bookingsPending');
  if (status === 'confirmed') add(out, `o#${date}#${String(booking.windowEnd)}`);
  if (status === 'in_service') {
    add(out, 'g#visitsInProgress');
    add(out, `d#${date}#visits.inService`);
  }
  if (status === 'completed') {
    const category = String(booking.category);
    add(out, `d#${date}#visits.completed`);
    add(out, `${month}#visits`);
    add(out, `${month}#carePaidFen`, booking.priceFen as number);
    add(out, `${month}#careSubsidyFen`, booking.subsidyFen as number);
    add(out, `${month}#visits.cat.${category}`);
    add(out, `${month}#carePaidFen.cat.${category}`, booking.priceFen as number);
    add(out, `${month}#careSubsidyFen.cat.${category}`, booking.subsidyFen as number);
  }
  const rating = booking.rating as { stars?: number } | undefined;
  if (rating?.stars !== undefined) {
    add(out, `${month}#ratings`);
    if (rating.stars >= 4) add(out, `${month}#satisfied`);
  }
  return out;
}

/** Wishes by stage; collected as the wall counts it (the wishes' own rule: every wish received but one taken back before review). */
const wishStage: Partial<Record<WishStatus, string>> = { pending: 'toReview', published: 'published', claimed: 'claimed', delivered: 'claimed', realised: 'realised' };

function wishContributions(wish: Item): Contribution[] {
  const out: Contribution[] = [];
  const status = wish.status as WishStatus;
  const stage = wishStage[status];
  if (stage) add(out, `g#wishes.${stage}`);
  if (isCollected(status, typeof wish.publishedAt === 'string')) add(out, 'g#wishes.collected');
  add(out, `m#${monthOf(dayOfInstant(wish.postedAt as string))}#wishesPosted`);
  if (status === 'realised' && typeof wish.realisedAt === 'string') add(out, `m#${monthOf(dayOfInstant(wish.realisedAt))}#wishesRealised`);
  return out;
}

function redemptionContributions(redemption: Item): Contribution[] {
  const out: Contribution[] = [];
  if ((redemption.status as RedemptionStatus) === 'cancelled') return out;
  const month = `m#${monthOf(dayOfInstant(redemption.createdAt as string))}`;
  add(out, `${month}#redemptions`);
  add(out, `${month}#pointsRedeemed`, redemption.pricePoints as number);
  return out;
}

function scoreContributions(score: Item): Contribution[] {
  const out: Contribution[] = [];
  const points = score.points as number;
  const month = `m#${String(score.month)}`;
  add(out, `${month}#pointsEarned`, points);
  if (points > 0) add(out, `${month}#activeVolunteers`);
  return out;
}

function elderContributions(elder: Item): Contribution[] {
  const out: Contribution[] = [];
  if (elder.status !== 'active') return out;
  add(out, 'g#elders');
  add(out, `g#elders.subsidy.${String(elder.subsidyCategoryVerified ?? 'none')}`);
  add(out, `g#elders.born.${String(elder.birthDate).slice(0, 4)}`);
  add(out, `g#elders.ability.${String(elder.ability ?? 'unknown')}`);
  add(out, `g#elders.living.${String(elder.livingSituation ?? 'unknown')}`);
  return out;
}

function contactContributions(contact: Item): Contribution[] {
  const out: Contribution[] = [];
  if (contact.livingAlone !== true || contact.active !== true) return out;
  const since = (contact.lastContact as string | undefined) ?? (contact.registeredOn as string | undefined);
  if (since) add(out, `q#${since}`);
  return out;
}

const byEntity: Record<string, (item: Item) => Contribution[]> = {
  order: orderContributions,
  booking: bookingContributions,
  wish: wishContributions,
  redemption: redemptionContributions,
  monthlyScore: scoreContributions,
  elder: elderContributions,
  elderContact: contactContributions,
};

/** The entities whose records count in the figures. */
export const countedEntities = Object.keys(byEntity);

export function contributionsOf(entity: string, item: Item | undefined): Contribution[] {
  const rule = byEntity[entity];
  return item && rule ? rule(item) : [];
}

/**
 * What a change moves, per key: the new version's contributions minus the old one's, without the keys that
 * do not move.
 */
export function differenceOf(before: Contribution[], after: Contribution[]): Map<string, number> {
  const moved = new Map<string, number>();
  for (const { key, amount } of before) moved.set(key, (moved.get(key) ?? 0) - amount);
  for (const { key, amount } of after) moved.set(key, (moved.get(key) ?? 0) + amount);
  for (const [key, amount] of moved) if (amount === 0) moved.delete(key);
  return moved;
}

/** Month figures are also kept under the place above, side by side with its other parts (`p#<month>#<part>#<metric>`). */
export const sideBySideMetrics = new Set(['meals', 'mealPaidFen', 'mealSubsidyFen', 'visits', 'carePaidFen', 'careSubsidyFen', 'wishesPosted', 'wishesRealised', 'pointsEarned', 'pointsRedeemed', 'activeVolunteers', 'ratings', 'satisfied']);

export function sideBySideKey(key: string, partId: string): string | undefined {
  const match = /^m#(\d{4}-\d{2})#(.+)$/.exec(key);
  return match && sideBySideMetrics.has(match[2]) ? `p#${match[1]}#${partId}#${match[2]}` : undefined;
}

/**
 * The day a record shows an elder was seen: a meal taken, a visit done, a wish posted or realised.
 * Used for elders living alone (figures.ts keeps the latest per elder).
 */
export function contactDayOf(entity: string, item: Item | undefined): { elderId: string; day: string } | undefined {
  if (!item || typeof item.elderId !== 'string') return undefined;
  if (entity === 'order' && isCounted(item.status as OrderStatus)) return { elderId: item.elderId, day: item.date as string };
  if (entity === 'booking' && item.status === 'completed') return { elderId: item.elderId, day: item.date as string };
  if (entity === 'wish') {
    const at = (item.realisedAt as string | undefined) ?? (item.postedAt as string);
    return { elderId: item.elderId, day: dayOfInstant(at) };
  }
  return undefined;
}
