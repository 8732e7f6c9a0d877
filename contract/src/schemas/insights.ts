import * as z from 'zod/mini';
import { DateSchema, IdSchema } from './common';
import { MonthSchema } from './wishes';
import type { Ability, LivingSituation, SubsidyCategory } from '../terms/people';
import type { Fulfilment, Meal } from '../terms/canteen';
import type { ServiceCategory } from '../terms/care';

/**
 * Supervision: the figures of a community, a centre and the county, kept by the change stream's consumers;
 * the county's monthly settlement report; the audit trail. Request schemas and response types.
 */

/** The month a dashboard or report shows; absent: the current month. */
export const DashboardQuery = z.strictObject({ month: z.optional(MonthSchema) });
export const SettlementQuery = z.strictObject({ format: z.optional(z.enum(['json', 'csv'], '格式只能是 json 或 csv')) });

/** The audit trail: filters are optional; `before` pages back (the eventId of the last entry shown). */
export const AuditQuery = z.strictObject({
  actorId: z.optional(IdSchema),
  elderId: z.optional(IdSchema),
  from: z.optional(DateSchema),
  to: z.optional(DateSchema),
  before: z.optional(z.string('翻页位置不对').check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '翻页位置不对'))),
});

// ---- responses ----

export type PlaceKind = 'community' | 'centre' | 'county';

export interface PlaceRef {
  kind: PlaceKind;
  id: string;
  name: string;
}

/** One month of a place's work: what the county reports and charts. Money in fen. */
export interface MonthFigures {
  month: string;
  /** Meals served or delivered (what a statement counts), what elders paid, the subsidy owed. */
  meals: number;
  mealPaidFen: number;
  mealSubsidyFen: number;
  /** Visits completed, what elders paid, the subsidy owed. */
  visits: number;
  carePaidFen: number;
  careSubsidyFen: number;
  wishesPosted: number;
  wishesRealised: number;
  /** Points earned (wishes realised, hours) and spent in the store. */
  pointsEarned: number;
  pointsRedeemed: number;
  /** Volunteers who earned points in the month. */
  activeVolunteers: number;
  /** Visits rated in the month, and how many with 4 or 5 stars. */
  ratings: number;
  satisfied: number;
}

export interface CountOf<K extends string = string> {
  key: K;
  name: string;
  count: number;
}

export interface MealsOfDay {
  meal: Meal;
  mealName: string;
  /** Orders not cancelled, by how the meal reaches the elder. */
  byFulfilment: Array<CountOf<Fulfilment>>;
  total: number;
  /** Of these: served or delivered so far. */
  done: number;
}

/** An elder living alone with no meal, visit or wish for 7 days or more: someone should knock. */
export interface ElderToKnock {
  elderId: string;
  name: string;
  communityId: string;
  communityName: string;
  /** The last day of a meal, a visit or a wish; null: none since registration. */
  lastContact: string | null;
  /** Days since then (or since registration). */
  quietDays: number;
}

export interface Dashboard {
  place: PlaceRef;
  /** The business date the figures are for, and the month shown. */
  today: string;
  month: string;
  /** What needs someone now. */
  now: {
    mealsToday: number;
    pendingOrders: number;
    pendingBookings: number;
    visitsInProgress: number;
    /** Confirmed visits whose window has passed with nobody checked in. */
    visitsOverdue: number;
    wishesToReview: number;
    eldersToKnock: number;
  };
  mealsToday: MealsOfDay[];
  visitsToday: { booked: number; inProgress: number; completed: number };
  /** Wishes since the start: collected, on the wall now, in a volunteer's hands now, realised. */
  wishes: { collected: number; published: number; claimed: number; realised: number };
  /** The month shown, and the twelve months up to it (oldest first) for the trend charts. */
  monthFigures: MonthFigures;
  trend: MonthFigures[];
  /** The elders on the register now. */
  elders: {
    total: number;
    livingAlone: number;
    bySubsidy: Array<CountOf<SubsidyCategory | 'none'>>;
    byAgeBand: Array<CountOf>;
    byAbility: Array<CountOf<Ability | 'unknown'>>;
    byLiving: Array<CountOf<LivingSituation | 'unknown'>>;
  };
  /** Longest quiet first; a county's dashboard leaves the list to its communities (count only). */
  toKnock: ElderToKnock[];
  /** The places below, side by side for the month: a county's centres, a centre's communities. */
  parts: Array<{ place: PlaceRef; figures: MonthFigures }>;
}

export interface SettlementRow {
  centreId: string;
  centreName: string;
  meals: number;
  mealPaidFen: number;
  mealSubsidyFen: number;
  /** Meals by the elder's verified subsidy category when ordered. */
  mealsByCategory: Array<{ category: SubsidyCategory | 'none'; categoryName: string; meals: number; paidFen: number; subsidyFen: number }>;
  visits: number;
  carePaidFen: number;
  careSubsidyFen: number;
  visitsByCategory: Array<{ category: ServiceCategory; categoryName: string; visits: number; paidFen: number; subsidyFen: number }>;
  pointsRedeemed: number;
}

export interface SettlementReport {
  county: PlaceRef;
  month: string;
  from: string;
  to: string;
  asOf: string;
  complete: boolean;
  title: string;
  madeOn: string;
  rows: SettlementRow[];
  totals: Omit<SettlementRow, 'centreId' | 'centreName'>;
}

export interface AuditEntry {
  eventId: string;
  at: string;
  action: string;
  /** The action in words, e.g. 查看了健康档案. */
  actionName: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  actorRoleName: string;
  /** Whose records: the elder's name where it is an elder. */
  concernsId: string;
  concernsName: string;
  changes: Array<{ field: string; before?: string; after?: string }>;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  before?: string;
}
