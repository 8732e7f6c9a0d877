import { ulid } from 'ulid';
import type { EntityItem } from 'electrodb';
import type { ElderItem } from '../functions/src/features/people/entities';
import type { Backend } from './lib/backend';
import { tokenFor } from './lib/backend';
import { call } from './lib/http';
import { log, median, row, since, type Row } from './lib/report';

/**
 * Row group 9: supervision (issue 14). Dashboards read only the figures a stream consumer keeps, so a
 * community's or a centre's dashboard should cost the same in a county of 1 centre and of 1,000; the county's
 * own dashboard shows its centres side by side, so it grows with them by design and is reported as such.
 * Also the consumer's write units per business event.
 *
 * Two synthetic counties are written beside the demo and bench data: `ins-small` with one centre (3
 * communities of 12 elders with meals, visits and wishes) and `ins-big` whose first centre is the same
 * and 999 more centres with a community of 3 elders each. Figures and contact entries are filled as
 * `rebuildFigures` fills them (recountFrom over the records, same rules as the consumer), for these two
 * counties only; the records themselves, apart from elders and places, stay in memory: no dashboard reads them.
 */
const BIG_CENTRES = 1000;
const SAMPLES = 30;
const WARM_UP = 5;
/** The settlement reads one partition per centre: fewer samples at 1,000 centres. */
const SETTLEMENT_SAMPLES = 10;

type Item = Record<string, unknown>;
type Tag = 'small' | 'big';

const pad = (n: number) => String(n).padStart(4, '0');
const centreIdOf = (tag: Tag, c: number) => `ins-${tag}-c${pad(c)}`;
const countyIdOf = (tag: Tag) => `ins-${tag}`;

interface World {
  countyId: string;
  centreId: string;
  communityId: string;
  workerToken: string;
  adminToken: string;
  figures: number;
  contacts: number;
  records: number;
  /** Elders living alone of the measured community last seen before today, for the consumer rows. */
  alone: Item[];
  /** An elder of the measured community not living alone. */
  other: Item;
}

interface Records {
  elders: Item[];
  orders: Item[];
  bookings: Item[];
  wishes: Item[];
}

async function buildCounty(tag: Tag, centres: number): Promise<World> {
  const { addDays } = await import('@yilin/contract');
  const { abilities, subsidyCategories } = await import('@yilin/contract');
  const { businessDate } = await import('../functions/src/platform/clock');
  const { Centre, Community, County, Elder, User } = await import('../functions/src/features/people/entities');
  const { ElderContact, Figure } = await import('../functions/src/features/insights/entities');
  const { contactEntryOf } = await import('../functions/src/features/insights/figures');
  const { recountFrom } = await import('../functions/src/features/insights/recount');
  const started = Date.now();
  const today = businessDate();
  const now = new Date().toISOString();
  const registered = new Date(Date.now() - 60 * 86_400_000).toISOString();
  const countyId = countyIdOf(tag);
  const records: Records = { elders: [], orders: [], bookings: [], wishes: [] };
  const centreItems: Array<EntityItem<typeof Centre>> = [];
  const communityItems: Array<EntityItem<typeof Community>> = [];

  for (let c = 0; c < centres; c++) {
    const centreId = centreIdOf(tag, c);
    // The first centre is the one measured: the same in both counties. The others are smaller.
    const measured = c === 0;
    centreItems.push({ centreId, countyId, name: measured ? '被测服务中心' : `合成服务中心${pad(c)}` });
    const communities = measured ? 3 : 1;
    const eldersPer = measured ? 12 : 3;
    for (let m = 0; m < communities; m++) {
      const communityId = `${centreId}-m${m}`;
      communityItems.push({ communityId, centreId, countyId, name: `${measured ? '被测' : '合成'}社区${pad(c)}-${m}` });
      for (let i = 0; i < eldersPer; i++) {
        const elderId = `${communityId}-e${i}`;
        const place = { communityId, centreId };
        records.elders.push({
          elderId, name: `合成长辈${i}`, birthDate: `19${35 + ((c + i) % 25)}-03-1${i % 10}`, phone: '13800000000', address: `合成路 ${i} 号`, ...place,
          subsidyCategoryRequested: 'normal', subsidyCategoryVerified: subsidyCategories[i % subsidyCategories.length], mobilityLimited: i % 4 === 0,
          dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [], livingSituation: i % 2 === 0 ? 'alone' : i % 4 === 1 ? 'emptyNest' : 'withFamily',
          ability: abilities[i % abilities.length], status: 'active', createdAt: registered, updatedAt: registered,
        });
        // Every sixth elder (living alone) has no record at all: they are on the knock list.
        if (i % 6 === 4) continue;
        const category = subsidyCategories[i % subsidyCategories.length];
        const days = measured ? [1, 2, 3] : [1];
        for (const back of days) {
          records.orders.push(orderOf(`${elderId}-o${back}`, elderId, place, addDays(today, -back), 'served', category));
        }
        if (measured && i % 2 === 0) records.orders.push(orderOf(`${elderId}-today`, elderId, place, today, 'placed', category));
        if (i % 4 === 0) records.bookings.push(bookingOf(`${elderId}-b`, elderId, place, addDays(today, -2), 'completed'));
        if (i % 5 === 1) records.wishes.push(wishOf(`${elderId}-w`, elderId, { ...place, countyId }, i % 2 === 1 ? 'realised' : 'published', now));
      }
    }
  }

  await County.put({ countyId, name: tag === 'small' ? '一个中心的合成县' : '一千个中心的合成县' }).go();
  const put = async (what: string, go: () => Promise<{ unprocessed: unknown[] }>) => {
    const { unprocessed } = await go();
    if (unprocessed.length) throw new Error(`${what}: ${unprocessed.length} items not written`);
  };
  await put('centres', () => Centre.put(centreItems).go({ concurrency: 8 }));
  await put('communities', () => Community.put(communityItems).go({ concurrency: 8 }));
  await put('elders', () => Elder.put(records.elders as unknown as ElderItem[]).go({ concurrency: 8 }));
  const centreId = centreIdOf(tag, 0);
  const communityId = `${centreId}-m0`;
  const workerId = `ins-${tag}-worker`;
  const adminId = `ins-${tag}-admin`;
  await User.put([
    { userId: workerId, role: 'worker', name: '合成工作者', communityId, centreId, countyId, createdAt: now },
    { userId: adminId, role: 'admin', name: '合成管理员', countyId, createdAt: now },
  ]).go();

  // As rebuildFigures does, for this county's records: contact entries, then the figures counted with them.
  const marked = [
    ...records.elders.map((item) => ({ ...item, __edb_e__: 'elder' })),
    ...records.orders.map((item) => ({ ...item, __edb_e__: 'order' })),
    ...records.bookings.map((item) => ({ ...item, __edb_e__: 'booking' })),
    ...records.wishes.map((item) => ({ ...item, __edb_e__: 'wish' })),
  ];
  const { lastContacts } = await recountFrom(marked);
  const contacts = records.elders.map((elder) => {
    const lastContact = lastContacts.get(String(elder.elderId));
    return { ...contactEntryOf(elder as unknown as ElderItem), ...(lastContact ? { lastContact } : {}) };
  });
  await put('contacts', () => ElderContact.put(contacts).go({ concurrency: 8 }));
  const { figures } = await recountFrom([...marked, ...contacts.map((contact) => ({ ...contact, __edb_e__: 'elderContact' }))]);
  const items = [...figures].map(([at, value]) => {
    const [scope, key] = at.split('|');
    return { scope, key, value };
  });
  await put('figures', () => Figure.put(items).go({ concurrency: 8 }));
  log(`insights: county ${countyId}: ${centres} centres, ${communityItems.length} communities, ${records.elders.length} elders, ${marked.length - records.elders.length} other records, ${items.length} figures, ${contacts.length} contact entries in ${since(started)}`);

  const ofCommunity = contacts.filter((one) => one.communityId === communityId && one.lastContact !== undefined && one.lastContact < today);
  const byId = new Map(records.elders.map((one) => [one.elderId, one]));
  const alone = ofCommunity.filter((one) => one.livingAlone).map((one) => byId.get(one.elderId)!);
  const other = ofCommunity.filter((one) => !one.livingAlone).map((one) => byId.get(one.elderId)!)[0];
  return {
    countyId, centreId, communityId, figures: items.length, contacts: contacts.length, records: marked.length, alone, other,
    workerToken: await tokenFor({ userId: workerId, role: 'worker', communityId, centreId, countyId }),
    adminToken: await tokenFor({ userId: adminId, role: 'admin', countyId }),
  };
}

function orderOf(orderId: string, elderId: string, place: { communityId: string; centreId: string }, date: string, status: string, subsidyCategory: string): Item {
  const now = new Date().toISOString();
  return {
    orderId, elderId, ...place, date, meal: 'lunch', fulfilment: 'eat_in', note: '', status, standardPriceFen: 1500, priceFen: 1000, subsidyFen: 500, subsidyCategory,
    priceRule: 'subsidy', priceReason: '补贴价', elderName: '合成长辈', elderPhone: '13800000000', elderAddress: '合成路', dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' },
    cutoffAt: now, placedBy: elderId, placedAt: now, updatedAt: now,
  };
}

function bookingOf(bookingId: string, elderId: string, place: { communityId: string; centreId: string }, date: string, status: string): Item {
  const now = new Date().toISOString();
  return {
    bookingId, elderId, ...place, serviceId: 'ins-svc-cleaning', serviceName: '上门保洁', category: 'housework', skill: 'cleaning', date, windowStart: '09:00', windowEnd: '11:00',
    status, priceFen: 3000, subsidyFen: 1000, priceRule: 'subsidy', priceReason: '补贴价', ...(status === 'completed' ? { rating: { stars: 5, comment: '', at: now } } : {}),
    bookedBy: elderId, bookedAt: now, updatedAt: now,
  };
}

function wishOf(wishId: string, elderId: string, place: { communityId: string; centreId: string; countyId: string }, status: string, at: string): Item {
  return {
    wishId, elderId, elderName: '合成长辈', elderDisplay: '合成长辈', ...place, status, title: '想请人上门理个发', story: '合成', category: 'service', valueFen: 0, handover: 'centre',
    postedBy: elderId, postedAt: at, ...(status === 'realised' ? { realisedAt: at } : {}), version: 2, updatedAt: at,
  };
}

interface Figures {
  p50: number;
  read: number;
  calls: string;
  /** Statuses of the measured requests other than 200, with their count (only where failures are tolerated). */
  failed: string;
}

/** `run` answers the HTTP status; a sample that is not 200 is left out of the figures and counted in `failed`. */
async function measure(backend: Backend, run: () => Promise<number>, samples = SAMPLES, warmUp = WARM_UP): Promise<Figures> {
  for (let i = 0; i < warmUp; i++) await run();
  const times: number[] = [];
  const units: number[] = [];
  const failures = new Map<number, number>();
  let calls = '';
  for (let i = 0; i < samples; i++) {
    backend.meter.reset();
    backend.meter.enabled = true;
    const started = performance.now();
    let status: number;
    try {
      status = await run();
    } finally {
      backend.meter.enabled = false;
    }
    if (status !== 200) {
      failures.set(status, (failures.get(status) ?? 0) + 1);
      continue;
    }
    times.push(performance.now() - started);
    if (backend.meter.calls.some((c) => c.units === undefined)) throw new Error('DynamoDB Local returned no ConsumedCapacity for some calls');
    units.push(backend.meter.calls.reduce((sum, c) => sum + (c.units ?? 0), 0));
    const counts = new Map<string, number>();
    for (const c of backend.meter.calls) counts.set(c.command.replace(/Command$/, ''), (counts.get(c.command.replace(/Command$/, '')) ?? 0) + 1);
    calls = [...counts].map(([name, count]) => `${name} ×${count}`).join(', ');
  }
  const failed = [...failures].map(([status, count]) => `${count} of ${samples} answered ${status}`).join(', ');
  return { p50: median(times), read: median(units), calls, failed };
}

interface Dashboards {
  community: Figures;
  centre: Figures;
  county: Figures;
  settlement: Figures;
  bytes: { community: number; centre: number; county: number };
}

async function dashboards(backend: Backend, apiUrl: string, world: World): Promise<Dashboards> {
  const { businessDate } = await import('../functions/src/platform/clock');
  const month = businessDate().slice(0, 7);
  const bytes = { community: 0, centre: 0, county: 0 };
  const get = (path: string, token: string, into?: keyof typeof bytes) => async () => {
    const answer = await call(apiUrl, 'GET', path, token);
    if (answer.status !== 200 && into) throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    if (into) bytes[into] = Buffer.byteLength(answer.body);
    return answer.status;
  };
  return {
    community: await measure(backend, get(`/communities/${world.communityId}/dashboard`, world.workerToken, 'community')),
    centre: await measure(backend, get(`/centres/${world.centreId}/dashboard`, world.workerToken, 'centre')),
    county: await measure(backend, get(`/counties/${world.countyId}/dashboard`, world.adminToken, 'county')),
    // The settlement queries every centre's partition at once: at 1,000 centres DynamoDB Local may not keep up, and the answer is then a 503, counted.
    settlement: await measure(backend, get(`/counties/${world.countyId}/settlements/${month}`, world.adminToken), SETTLEMENT_SAMPLES, 2),
    bytes,
  };
}

/** The check that the figures the small county's dashboard shows are those of its records (a wrong fill would make every row meaningless). */
async function checkFilled(apiUrl: string, world: World): Promise<void> {
  const answer = await call(apiUrl, 'GET', `/communities/${world.communityId}/dashboard`, world.workerToken);
  const dashboard = JSON.parse(answer.body) as { elders: { total: number }; toKnock: unknown[] };
  if (dashboard.elders.total !== 12) throw new Error(`the measured community shows ${dashboard.elders.total} elders, not 12: figures not filled as expected`);
  if (dashboard.toKnock.length === 0) throw new Error('the measured community has nobody to knock on: contact entries not filled as expected');
}

interface Event {
  name: string;
  /** The change of the business record; the follow-on change of the elder's contact entry is measured with it. */
  change: (elder: Item) => Promise<{ entity: string; kind: 'INSERT' | 'MODIFY'; before?: Item; after: Item; elderId: string }>;
  /** An elder living alone last seen before today: the event is their first contact of the day. */
  firstContact: boolean;
}

async function consumerRows(backend: Backend, world: World): Promise<Row[]> {
  const { followFigures, movesOf } = await import('../functions/src/features/insights/figures');
  const { ElderContact, Figure } = await import('../functions/src/features/insights/entities');
  const { Elder } = await import('../functions/src/features/people/entities');
  const { businessDate } = await import('../functions/src/platform/clock');
  const { itemBytes } = await import('./lib/item-size');
  const today = businessDate();
  const now = new Date().toISOString();
  const placeOf = (elder: Item) => ({ communityId: String(elder.communityId), centreId: String(elder.centreId) });
  const events: Event[] = [
    {
      name: 'an order placed',
      firstContact: false,
      change: async (elder) => ({ entity: 'order', kind: 'INSERT', after: orderOf(`ins-ev-${ulid()}`, String(elder.elderId), placeOf(elder), today, 'placed', String(elder.subsidyCategoryVerified)), elderId: String(elder.elderId) }),
    },
    {
      name: 'an order served',
      firstContact: true,
      change: async (elder) => {
        const order = orderOf(`ins-ev-${ulid()}`, String(elder.elderId), placeOf(elder), today, 'confirmed', String(elder.subsidyCategoryVerified));
        return { entity: 'order', kind: 'MODIFY', before: order, after: { ...order, status: 'served' }, elderId: String(elder.elderId) };
      },
    },
    {
      name: 'a visit completed',
      firstContact: true,
      change: async (elder) => {
        const booking = bookingOf(`ins-ev-${ulid()}`, String(elder.elderId), placeOf(elder), today, 'in_service');
        return { entity: 'booking', kind: 'MODIFY', before: booking, after: { ...booking, status: 'completed' }, elderId: String(elder.elderId) };
      },
    },
    {
      name: 'a wish realised',
      firstContact: true,
      change: async (elder) => {
        const wish = wishOf(`ins-ev-${ulid()}`, String(elder.elderId), { ...placeOf(elder), countyId: world.countyId }, 'delivered', now);
        return { entity: 'wish', kind: 'MODIFY', before: wish, after: { ...wish, status: 'realised', realisedAt: new Date().toISOString() }, elderId: String(elder.elderId) };
      },
    },
    {
      name: 'an elder registered (living alone)',
      firstContact: false,
      change: async (elder) => {
        // The registration writes the elder first; the consumer reads it back for the knock list.
        const registered = { ...elder, elderId: `ins-ev-${ulid()}`, livingSituation: 'alone', createdAt: now, updatedAt: now };
        await Elder.put(registered as unknown as ElderItem).go();
        return { entity: 'elder', kind: 'INSERT', after: registered, elderId: String(registered.elderId) };
      },
    },
  ];
  if (world.alone.length < events.filter((event) => event.firstContact).length) throw new Error('not enough elders living alone in the measured community');

  // Once unmeasured, with an elder not living alone, so the places are cached as in a warm consumer.
  for (const event of events) {
    const warm = await event.change(world.other);
    await followFigures({ eventId: ulid(), kind: warm.kind, entity: warm.entity, before: warm.before, after: warm.after, at: new Date() });
  }

  // The floor: one conditional put of one small item (ElectroDB's create: attribute_not_exists), measured here.
  backend.meter.reset();
  backend.meter.enabled = true;
  try {
    await Figure.create({ scope: 'bench#floor', key: ulid(), value: 1 }).go();
  } finally {
    backend.meter.enabled = false;
  }
  const floor = backend.meter.calls.reduce((sum, c) => sum + (c.units ?? 0), 0);
  if (!(floor > 0)) throw new Error('DynamoDB Local reported no units for a single put');

  const contactOf = async (id: string) => (await ElderContact.get({ elderId: id }).go()).data ?? undefined;
  const alone = [...world.alone];
  const rows: Row[] = [];
  for (const event of events) {
    const elder = event.firstContact ? alone.shift()! : world.alone[0];
    const { entity, kind, before, after, elderId } = await event.change(elder);
    const change = { eventId: ulid(), kind, entity, before, after, at: new Date() };
    const moves = await movesOf(change);
    const contactBefore = await contactOf(elderId);
    const metered = async (run: () => Promise<void>) => {
      backend.meter.enabled = true;
      try {
        await run();
      } finally {
        backend.meter.enabled = false;
      }
    };
    backend.meter.reset();
    const started = performance.now();
    await metered(() => followFigures(change));
    // The consumer's write of the contact entry is itself a change on the stream, which the consumer follows too.
    const contactAfter = await contactOf(elderId);
    let followOn = new Map<string, number>();
    if (contactAfter && JSON.stringify(contactAfter) !== JSON.stringify(contactBefore)) {
      const contactChange = { eventId: ulid(), kind: contactBefore ? ('MODIFY' as const) : ('INSERT' as const), entity: 'elderContact', before: contactBefore, after: contactAfter, at: new Date() };
      followOn = await movesOf(contactChange);
      await metered(() => followFigures(contactChange));
    }
    const ms = performance.now() - started;
    let write = 0;
    let read = 0;
    const calls: string[] = [];
    for (const c of backend.meter.calls) {
      if (c.units === undefined) throw new Error(`DynamoDB Local returned no ConsumedCapacity for ${c.command}`);
      if (c.kind === 'write') write += c.units;
      else read += c.units;
      calls.push(`${c.command.replace(/ItemCommand$|ItemsCommand$|Command$/, '')} ${c.units}`);
    }
    // DynamoDB charges a transaction 2 units per item (≤ 1 KB each): its moves and one marker; a contact-entry write is 1 unit.
    // DynamoDB Local reports 2 for a whole transaction whatever its items, so the row is counted from the items written.
    const contactWrites = backend.meter.calls.filter((c) => c.command === 'UpdateItemCommand').length;
    const transactions = (moves.size ? 1 : 0) + (followOn.size ? 1 : 0);
    const items = moves.size + followOn.size + transactions;
    const counted = 2 * items + contactWrites;
    // The largest figure item this event wrote, as stored.
    let largest = 0;
    for (const at of [...moves.keys(), ...followOn.keys()]) {
      const [scope, key] = at.split('|');
      const stored = (await Figure.get({ scope, key }).go({ data: 'raw' })).data as { Item?: Record<string, unknown> };
      if (stored.Item) largest = Math.max(largest, itemBytes(stored.Item));
    }
    rows.push(
      row({
        group: '9 insights', what: `figures consumer: write units per event, ${event.name}`, measured: counted, floor, unit: 'WRU', target: 'info', met: null,
        note: `counted from the items written, not as DynamoDB Local reports them (it reported ${write} WRU: 2 for each transaction whatever its number of items, so not trusted here). Floor: one conditional put of one item, measured (DynamoDB Local: ${floor} WRU). Items: ${moves.size} figures moved + 1 handled-marker in one transaction${followOn.size ? `, then the contact entry's own change (last seen moves to today): ${followOn.size} figures + 1 marker in another` : ''} = ${items} items × 2 WRU${contactWrites ? ` + ${contactWrites} contact-entry write × 1 WRU` : ''} (largest figure item ${largest} bytes ≤ 1 KB); reads ${read} RRU; calls: ${calls.join(', ')}; ${ms.toFixed(1)} ms on DynamoDB Local. Base-table units as DynamoDB Local reports them: on DynamoDB a contact entry of an elder living alone also lands in gsi1 (+1 WRU per write); figures have no index`,
      }),
    );
  }
  return rows;
}

export async function insights(backend: Backend, apiUrl: string): Promise<Row[]> {
  const small = await buildCounty('small', 1);
  const big = await buildCounty('big', BIG_CENTRES);
  await checkFilled(apiUrl, small);
  await checkFilled(apiUrl, big);
  const one = await dashboards(backend, apiUrl, small);
  const many = await dashboards(backend, apiUrl, big);
  const label = `1,000 centres: ${big.records} records, ${big.figures} figure items, ${big.contacts} contact entries in the county (1 centre: ${small.records}, ${small.figures}, ${small.contacts})`;
  const rows: Row[] = [];
  const flat = [
    ['community', 'community dashboard (GET /communities/{id}/dashboard)'],
    ['centre', 'centre dashboard (GET /centres/{id}/dashboard)'],
  ] as const;
  for (const [key, name] of flat) {
    const b = one[key];
    const a = many[key];
    const units = row({ group: '9 insights', what: `${name}: read units, 1,000 centres vs 1`, measured: a.read, floor: b.read, unit: 'RRU', target: '≈ 1× (≤ 1.1×)', met: false, note: `${label}; calls per request at 1,000: ${a.calls} (at 1: ${b.calls}); answer ${many.bytes[key]} bytes (at 1: ${one.bytes[key]})` });
    units.met = units.ratio <= 1.1;
    const latency = row({ group: '9 insights', what: `${name}: p50, 1,000 centres vs 1`, measured: a.p50, floor: b.p50, unit: 'ms', target: '≈ 1× (≤ 1.3×)', met: false, note: `${SAMPLES} sequential requests through the local API after ${WARM_UP} unmeasured` });
    latency.met = latency.ratio <= 1.3;
    rows.push(units, latency);
  }
  // The county's dashboard lists its centres side by side: its reads grow with them, by design.
  const settlementRows = many.settlement.calls
    ? [
        row({
          group: '9 insights', what: 'county settlement (GET /counties/{id}/settlements/{month}): read units, 1,000 centres vs 1', measured: many.settlement.read, floor: one.settlement.read, unit: 'RRU', target: 'info (one query per centre)', met: null,
          note: `one row per centre, each from its own month figures: a query per centre, 16 at a time, by design. Calls at 1,000: ${many.settlement.calls} (at 1: ${one.settlement.calls})${many.settlement.failed ? `; at 1,000 centres ${many.settlement.failed} (SERVICE_BUSY), left out` : ''}`,
        }),
        row({ group: '9 insights', what: 'county settlement: p50, 1,000 centres vs 1', measured: many.settlement.p50, floor: one.settlement.p50, unit: 'ms', target: 'info (one query per centre)', met: null, note: `${SETTLEMENT_SAMPLES} sequential requests after 2 unmeasured` }),
      ]
    : [
        row({
          group: '9 insights', what: 'county settlement (GET /counties/{id}/settlements/{month}) at 1,000 centres: requests answered 200', measured: 0, floor: SETTLEMENT_SAMPLES, unit: 'req', target: 'info', met: null,
          note: `${many.settlement.failed}: 503 SERVICE_BUSY. The report queries each centre's month figures, all 1,000 at once (Promise.all); on DynamoDB Local the data layer gives up on some (a transient data error) and the route answers 503. At 1 centre: ${one.settlement.read} RRU, p50 ${one.settlement.p50.toFixed(1)} ms (${one.settlement.calls})`,
        }),
      ];
  rows.push(
    row({
      group: '9 insights', what: 'county dashboard (GET /counties/{id}/dashboard): read units, 1,000 centres vs 1', measured: many.county.read, floor: one.county.read, unit: 'RRU', target: 'info (grows with centres)', met: null,
      note: `the side-by-side list: the county's centres (gsi1) and one month's figures of each (p# keys of its own partition) grow with the centres; everything else is flat. Calls at 1,000: ${many.county.calls} (at 1: ${one.county.calls}); answer ${many.bytes.county} bytes (at 1: ${one.bytes.county})`,
    }),
    row({ group: '9 insights', what: 'county dashboard: p50, 1,000 centres vs 1', measured: many.county.p50, floor: one.county.p50, unit: 'ms', target: 'info (grows with centres)', met: null, note: `${SAMPLES} sequential requests` }),
    ...settlementRows,
  );
  rows.push(...(await consumerRows(backend, small)));
  return rows;
}
