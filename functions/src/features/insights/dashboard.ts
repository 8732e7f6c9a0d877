import { addDays, type Dashboard, type ElderToKnock, type PlaceRef } from '@yilin/contract';
import { may, relationTo } from '../../access/policy';
import { businessDate, businessTime } from '../../platform/clock';
import { forbidden, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { assertCentreAccess } from '../people/actors';
import { centresOfCounty, communitiesOfCentre, getCounty } from '../people/data/org';
import { centreInfo, communityInfo } from '../people/places';
import { assertCommunityAccess } from '../wishes/review';
import { ElderContact, Figure } from './entities';
import { scopeOf } from './figures';
import { daysBetween, eldersOf, mealsOfDay, monthFiguresOf, monthsUpTo, overdueVisits, partFigures, quietElders, quietSince, type Figures } from './rules/dashboard';

/**
 * Dashboards read only what the figures consumer keeps: a handful of queries of the place's own
 * partition (and, for the knock list, its elders living alone), so one community's dashboard costs the
 * same whatever the size of the county.
 */
const TREND_MONTHS = 12;
/** Confirmed visits not started are looked for this far back. */
const OVERDUE_LOOKBACK_DAYS = 30;

async function keysBetween(scope: string, from: string, to: string): Promise<Figures> {
  const { data } = await Figure.query.byScope({ scope }).between({ key: from }, { key: to }).go({ pages: 'all' });
  return new Map(data.map((figure) => [figure.key, figure.value]));
}

/** Every figure a dashboard of the place shows, in six range queries run together. */
async function figuresForDashboard(scope: string, today: string, month: string): Promise<Figures> {
  const months = monthsUpTo(month, TREND_MONTHS);
  const parts = await Promise.all([
    keysBetween(scope, `d#${today}#`, `d#${today}#~`),
    keysBetween(scope, 'g#', 'g#~'),
    keysBetween(scope, `m#${months[0]}#`, `m#${month}#~`),
    keysBetween(scope, `o#${addDays(today, -OVERDUE_LOOKBACK_DAYS)}#`, `o#${today}#~`),
    keysBetween(scope, `p#${month}#`, `p#${month}#~`),
    keysBetween(scope, 'q#', `q#${quietSince(today)}#~`),
  ]);
  return new Map(parts.flatMap((figures) => [...figures]));
}

async function eldersToKnock(centreId: string, communityId: string | undefined, today: string): Promise<ElderToKnock[]> {
  const query = ElderContact.query.aloneByCentre(communityId ? { centreId, communityId } : { centreId });
  const { data } = await query.go({ pages: 'all' });
  const since = quietSince(today);
  const quiet = data.filter((contact) => (contact.lastContact ?? contact.registeredOn ?? today) <= since);
  const rows = await Promise.all(
    quiet.map(async (contact) => {
      const seen = contact.lastContact ?? contact.registeredOn ?? today;
      return {
        elderId: contact.elderId,
        name: contact.name ?? '',
        communityId: contact.communityId ?? '',
        communityName: (await communityInfo(contact.communityId ?? ''))?.name ?? '',
        lastContact: contact.lastContact ?? null,
        quietDays: daysBetween(seen, today),
      };
    }),
  );
  return rows.sort((a, b) => b.quietDays - a.quietDays || a.name.localeCompare(b.name, 'zh-CN'));
}

interface DashboardOf {
  place: PlaceRef;
  /** The places below, for the side-by-side figures. */
  parts: PlaceRef[];
  /** Where the knock list comes from: a centre, and a community of it; none for a county. */
  knock?: { centreId: string; communityId?: string };
}

async function dashboardOf(of: DashboardOf, month: string | undefined): Promise<Dashboard> {
  const today = businessDate();
  const shown = month ?? today.slice(0, 7);
  const [figures, toKnock] = await Promise.all([
    figuresForDashboard(scopeOf(of.place.kind, of.place.id), today, shown),
    of.knock ? eldersToKnock(of.knock.centreId, of.knock.communityId, today) : Promise.resolve([]),
  ]);
  const visitsToday = { booked: figures.get(`d#${today}#visits.booked`) ?? 0, inProgress: figures.get(`d#${today}#visits.inService`) ?? 0, completed: figures.get(`d#${today}#visits.completed`) ?? 0 };
  const mealsToday = mealsOfDay(figures, today);
  const value = (key: string) => figures.get(key) ?? 0;
  return {
    place: of.place,
    today,
    month: shown,
    now: {
      mealsToday: mealsToday.reduce((sum, meal) => sum + meal.total, 0),
      pendingOrders: value('g#ordersPending'),
      pendingBookings: value('g#bookingsPending'),
      visitsInProgress: value('g#visitsInProgress'),
      visitsOverdue: overdueVisits(figures, today, businessTime()),
      wishesToReview: value('g#wishes.toReview'),
      eldersToKnock: quietElders(figures, today),
    },
    mealsToday,
    visitsToday,
    wishes: { collected: value('g#wishes.collected'), published: value('g#wishes.published'), claimed: value('g#wishes.claimed'), realised: value('g#wishes.realised') },
    monthFigures: monthFiguresOf(figures, shown),
    trend: monthsUpTo(shown, TREND_MONTHS).map((one) => monthFiguresOf(figures, one)),
    elders: eldersOf(figures, today),
    toKnock,
    parts: of.parts.map((place) => ({ place, figures: partFigures(figures, shown, place.id) })),
  };
}

const byName = (a: PlaceRef, b: PlaceRef) => a.name.localeCompare(b.name, 'zh-CN');

export async function communityDashboard(session: Session, communityId: string, month: string | undefined): Promise<Dashboard> {
  const community = await assertCommunityAccess(session, communityId, 'community.readFigures');
  return dashboardOf({ place: { kind: 'community', id: communityId, name: community.name }, parts: [], knock: { centreId: community.centreId, communityId } }, month);
}

export async function centreDashboard(session: Session, centreId: string, month: string | undefined): Promise<Dashboard> {
  await assertCentreAccess(session, centreId, 'centre.readFigures');
  const [centre, communities] = await Promise.all([centreInfo(centreId), communitiesOfCentre(centreId)]);
  if (!centre) throw notFound('CENTRE_NOT_FOUND', '没有找到这个服务中心。');
  const parts = communities.map((community) => ({ kind: 'community' as const, id: community.communityId, name: community.name })).sort(byName);
  return dashboardOf({ place: { kind: 'centre', id: centreId, name: centre.name }, parts, knock: { centreId } }, month);
}

export async function countyDashboard(session: Session, countyId: string, month: string | undefined): Promise<Dashboard> {
  if (!may('county.readFigures', relationTo(session, { countyId }, false))) throw forbidden('NOT_YOUR_COUNTY', '您只能查看本县的数据。');
  const county = await getCounty(countyId);
  if (!county) throw notFound('COUNTY_NOT_FOUND', '没有找到这个县。');
  const centres = await centresOfCounty(countyId);
  const parts = centres.map((centre) => ({ kind: 'centre' as const, id: centre.centreId, name: centre.name })).sort(byName);
  return dashboardOf({ place: { kind: 'county', id: countyId, name: county.name }, parts }, month);
}
