import { ulid } from 'ulid';
import type { Backend } from './lib/backend';
import { BENCH_SERVICE, BENCH_STAFF } from './lib/care-fixtures';
import { BENCH_CENTRE, BENCH_COUNTY, BENCH_WORKER, type BenchWorld } from './lib/fixtures';
import { call, load } from './lib/http';
import { log, percentile, row, type Row } from './lib/report';

/**
 * Row group 3: warm latency of the hot routes through the local API server (the route table's handlers
 * behind node:http, shaped as API Gateway events) against the same DynamoDB operations issued directly
 * through the data layer in the same process. The difference is what the HTTP hop, middy chain, token
 * check, validation and response shaping cost on top of the data work.
 */
interface Scenario {
  name: string;
  api(index: number): Promise<void>;
  direct(index: number): Promise<void>;
  /** DynamoDB calls the api path makes beyond its floor (what the row shows the cost of). */
  extraCalls?: number;
}

async function scenarios(apiUrl: string, world: BenchWorld): Promise<Scenario[]> {
  const { getElder } = await import('../functions/src/features/people/data/elders');
  const { getUser } = await import('../functions/src/features/people/data/users');
  const { bindingsOfElder } = await import('../functions/src/features/people/data/bindings');
  const { menusBetween, ordersOfElderBetween, getMenu, ordersOfMeal, ordersOfCentreBetween, placeOrderAtomically, priceRulesOf } = await import('../functions/src/features/canteen/data');
  const { IdempotencyRecord } = await import('../functions/src/store/idempotency');
  const { addDays } = await import('../functions/src/features/canteen/rules/canteen');
  const { businessDate, epochSeconds } = await import('../functions/src/platform/clock');
  const { forgetStanding } = await import('../functions/src/features/people/standing');
  const care = await import('../functions/src/features/care/data');
  const { callerKeySpace, earlierResult } = await import('../functions/src/store/idempotency');
  const wishes = await import('../functions/src/features/wishes/data');
  const { centresOfCounty, communitiesOfCentre } = await import('../functions/src/features/people/data/org');
  const { getVolunteer } = await import('../functions/src/features/people/data/volunteers');
  const { getBinding } = await import('../functions/src/features/people/data/bindings');

  const expectOk = (what: string, status: number, body: string) => {
    if (status < 200 || status >= 300) throw new Error(`${what} answered ${status}: ${body.slice(0, 200)}`);
  };
  const elderAt = (index: number) => world.elders[index % world.elders.length];
  const boardSlot = world.slots[0];
  const board = async () => {
    const answer = await call(apiUrl, 'GET', `/centres/${BENCH_CENTRE}/board?date=${boardSlot.date}&meal=${boardSlot.meal}`, world.workerToken);
    expectOk('board', answer.status, answer.body);
  };

  return [
    {
      name: 'GET /elders/{id}/menus',
      async api(i) {
        const elderId = elderAt(i);
        const answer = await call(apiUrl, 'GET', `/elders/${elderId}/menus`, await world.tokenOf(elderId));
        expectOk('menus', answer.status, answer.body);
      },
      // elderMenus: the elder, then the week's menus, the elder's orders and the centre's prices together (names are cached).
      async direct(i) {
        const elderId = elderAt(i);
        const elder = await getElder(elderId);
        const today = businessDate();
        await Promise.all([
          menusBetween(elder!.centreId, today, addDays(today, 6)),
          ordersOfElderBetween(elderId, today, addDays(today, 6)),
          priceRulesOf(elder!.centreId),
        ]);
      },
    },
    {
      name: 'GET /me (elder home)',
      async api(i) {
        const elderId = elderAt(i);
        const answer = await call(apiUrl, 'GET', '/me', await world.tokenOf(elderId));
        expectOk('me', answer.status, answer.body);
      },
      // getMe: the user, then the elder and who is bound to them together (community and centre names are cached per container).
      async direct(i) {
        const user = await getUser(elderAt(i));
        await Promise.all([getElder(user!.userId), bindingsOfElder(user!.userId, undefined, 50)]);
      },
    },
    {
      name: 'POST /elders/{id}/orders',
      async api() {
        const { elderId, slot } = world.nextPlacement();
        const answer = await call(apiUrl, 'POST', `/elders/${elderId}/orders`, await world.tokenOf(elderId), {
          date: slot.date,
          meal: slot.meal,
          fulfilment: 'eat_in',
          idempotencyKey: ulid(),
        });
        if (answer.status !== 201) throw new Error(`place order answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      },
      // placeOrder: the elder and the idempotency record together (the actor's name is in the session);
      // the menu and the centre's prices together; then the 4-item transaction.
      async direct() {
        const { elderId, slot } = world.nextPlacement();
        const key = ulid();
        const [elder] = await Promise.all([getElder(elderId), IdempotencyRecord.get({ scope: `caller#${elderId}`, key }).go({ consistent: true })]);
        const [menu] = await Promise.all([getMenu(elder!.centreId, slot.date, slot.meal).then((found) => found!), priceRulesOf(elder!.centreId)]);
        const at = new Date().toISOString();
        const orderId = ulid();
        const outcome = await placeOrderAtomically(
          {
            orderId, elderId, centreId: elder!.centreId, communityId: elder!.communityId, date: slot.date, meal: slot.meal,
            fulfilment: 'eat_in', note: '', status: 'placed', standardPriceFen: menu.standardPriceFen, priceFen: menu.standardPriceFen,
            subsidyFen: 0, priceRule: 'standard', priceReason: '标准价', subsidyCategory: elder!.subsidyCategoryVerified,
            elderName: elder!.name, elderPhone: elder!.phone, elderAddress: elder!.address, dietary: elder!.dietary,
            cutoffAt: menu.cutoffAt, placedBy: elderId, placedAt: at, updatedAt: at,
          } as Parameters<typeof placeOrderAtomically>[0],
          menu,
          { scope: `caller#${elderId}`, key, fingerprint: `${slot.date}|${slot.meal}|eat_in` },
          epochSeconds(new Date()),
          { userId: elderId, name: elder!.name, role: 'elder' },
        );
        if (outcome !== 'placed') throw new Error(`direct placement: ${outcome}`);
      },
    },
    {
      name: 'GET /centres/{id}/board',
      api: board,
      // mealBoard: the menu, the meal's orders and the last two weeks' open orders together.
      async direct() {
        await Promise.all([
          getMenu(BENCH_CENTRE, boardSlot.date, boardSlot.meal),
          ordersOfMeal(BENCH_CENTRE, boardSlot.date, boardSlot.meal),
          ordersOfCentreBetween(BENCH_CENTRE, addDays(businessDate(), -14), addDays(businessDate(), -1)),
        ]);
      },
    },
    {
      // A worker's session is checked against their stored account, read once a minute per user and container
      // (functions/src/features/people/standing.ts): the request that reads it, against one that finds it cached.
      name: 'GET /centres/{id}/board, the once-a-minute standing read',
      async api() {
        forgetStanding(BENCH_WORKER);
        await board();
      },
      direct: board,
      extraCalls: 1,
    },
    {
      name: 'POST /elders/{id}/bookings',
      async api() {
        const { elderId, date, windowStart } = world.care.nextBooking();
        const answer = await call(apiUrl, 'POST', `/elders/${elderId}/bookings`, await world.tokenOf(elderId), { serviceId: BENCH_SERVICE, date, windowStart, address: '测试路 1 号', idempotencyKey: ulid() });
        if (answer.status !== 201) throw new Error(`book answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      },
      // book: the elder, the idempotency record, the service, the centre's care settings, one after another;
      // then the 5-item transaction. The route reads the care settings once more after it (cancellableBy,
      // for the answer's cancel button): that read is left out of the floor, so the row shows what it costs.
      async direct() {
        const { elderId, date, windowStart } = world.care.nextBooking();
        const claim = { scope: callerKeySpace(elderId), key: ulid(), fingerprint: `${BENCH_SERVICE}|${date}|${windowStart}` };
        const elder = (await getElder(elderId))!;
        await earlierResult(claim);
        const service = (await care.getService(elder.centreId, BENCH_SERVICE))!;
        await care.careSettingsOf(elder.centreId);
        const window = service.windows.find((w) => w.start === windowStart)!;
        const at = new Date().toISOString();
        const outcome = await care.placeBooking(
          {
            bookingId: ulid(), elderId, centreId: elder.centreId, communityId: elder.communityId, serviceId: service.serviceId, serviceName: service.name, category: service.category,
            skill: service.skill, date, windowStart, windowEnd: window.end, status: 'requested', elderName: elder.name, elderPhone: elder.phone, address: '测试路 1 号', note: '',
            priceFen: service.priceFen, subsidyFen: 0, priceRule: 'standard', priceReason: '标准价', bookedBy: elderId, bookedAt: at, updatedAt: at,
          },
          window.capacity,
          claim,
          epochSeconds(new Date()),
          { action: 'booking.requested', by: { userId: elderId, name: elder.name, role: 'elder' }, at, changes: [{ field: 'status', after: 'requested' }] },
        );
        if (!outcome.written) throw new Error(`direct booking refused: ${outcome.failed.join(', ')}`);
      },
      extraCalls: 1,
    },
    {
      name: 'GET /wall (volunteer, own community)',
      async api() {
        const answer = await call(apiUrl, 'GET', `/wall?communityId=${world.wishes.wallCommunity}`, world.wishes.volunteerToken);
        expectOk('community wall', answer.status, answer.body);
      },
      // wall: the community's first page of published wishes and its five latest realised together, then its counts (its name is cached).
      async direct() {
        await Promise.all([
          wishes.wishesOfCommunity(world.wishes.wallCommunity, 'published', undefined, 20),
          wishes.wishesOfCommunity(world.wishes.wallCommunity, 'realised', undefined, 5),
        ]);
        await wishes.talliesOf([world.wishes.wallCommunity]);
      },
    },
    {
      name: 'GET /wall (volunteer, county)',
      async api() {
        const answer = await call(apiUrl, 'GET', '/wall', world.wishes.volunteerToken);
        expectOk('county wall', answer.status, answer.body);
      },
      // wall: the county's centres, their communities together, the county's first page and five latest realised together, then every community's counts.
      async direct() {
        const centres = await centresOfCounty(BENCH_COUNTY);
        const communities = (await Promise.all(centres.map((centre) => communitiesOfCentre(centre.centreId)))).flat();
        await Promise.all([wishes.wishesOfCounty(BENCH_COUNTY, 'published', undefined, 20), wishes.wishesOfCounty(BENCH_COUNTY, 'realised', undefined, 5)]);
        await wishes.talliesOf(communities.map((community) => community.communityId));
      },
    },
    {
      name: 'POST /wishes/{id}/claim',
      async api() {
        const { token, wishId } = world.wishes.nextClaim();
        const answer = await call(apiUrl, 'POST', `/wishes/${wishId}/claim`, token);
        expectOk('claim', answer.status, answer.body);
      },
      // claim: the wish, the volunteer, the elder and any binding of the two together (nobody claims their
      // family's wish), the community's rules; the 4-item transaction; the wish again for the answer.
      async direct() {
        const { volunteerId, wishId } = world.wishes.nextClaim();
        const wish = (await wishes.getWish(wishId))!;
        const volunteer = (await getVolunteer(volunteerId))!;
        await Promise.all([getElder(wish.elderId), getBinding(wish.elderId, volunteerId)]);
        const settings = await wishes.wishSettingsOf(wish.communityId);
        const at = new Date().toISOString();
        const claimDeadline = new Date(Date.now() + settings.claimDays * 24 * 3600 * 1000).toISOString();
        const outcome = await wishes.changeWish(
          wish,
          'claimed',
          { action: 'wish.claimed', by: { userId: volunteerId, name: volunteer.name, role: 'volunteer' }, at, changes: [{ field: 'status', before: wish.status, after: 'claimed' }] },
          {
            set: { claimerId: volunteerId, claimerName: volunteer.name, claimerPartyMember: volunteer.partyMember, claimedAt: at, claimDeadline },
            parts: { link: wishes.holdClaim(volunteerId, wishId, at) },
          },
        );
        if (!outcome.written) throw new Error(`direct claim refused: ${outcome.failed.join(', ')}`);
        await wishes.getWish(wishId);
      },
    },
    {
      name: `GET /me/visits (staff day, ${world.care.visitCount} visits)`,
      async api() {
        const answer = await call(apiUrl, 'GET', '/me/visits', world.care.staffToken);
        expectOk('staff day', answer.status, answer.body);
        const visits = (JSON.parse(answer.body) as { visits: unknown[] }).visits.length;
        if (visits !== world.care.visitCount) throw new Error(`staff day shows ${visits} visits, expected ${world.care.visitCount}`);
      },
      // staffDay: the day's half hours and the staff member's name together, the bookings in one batch, then each distinct service.
      async direct() {
        const [ids] = await Promise.all([care.staffBookingIdsOn(BENCH_STAFF, world.care.visitDay), getUser(BENCH_STAFF)]);
        const bookings = await care.getBookings(ids);
        await Promise.all([...new Set(bookings.map((b) => b.serviceId))].map((serviceId) => care.getService(BENCH_CENTRE, serviceId)));
      },
    },
  ];
}

const plan = [
  { concurrency: 1, perRound: 40 },
  { concurrency: 20, perRound: 160 },
];
const ROUNDS = 2;

/** Counts the DynamoDB calls one run makes, so the direct path is checked to mirror the route. */
async function callsOf(backend: Backend, run: () => Promise<void>): Promise<string[]> {
  backend.meter.reset();
  backend.meter.enabled = true;
  try {
    await run();
  } finally {
    backend.meter.enabled = false;
  }
  return backend.meter.calls.map((c) => c.command.replace(/Command$/, ''));
}

export async function warmLatency(backend: Backend, apiUrl: string, world: BenchWorld): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of await scenarios(apiUrl, world)) {
    // Warm both paths (connections, JIT, the names cache) before measuring.
    await load(20, 4, scenario.api);
    await load(20, 4, scenario.direct);
    const apiCalls = await callsOf(backend, () => scenario.api(0));
    const directCalls = await callsOf(backend, () => scenario.direct(0));
    for (const { concurrency, perRound } of plan) {
      const api: number[] = [];
      const direct: number[] = [];
      // Alternate the two paths so drift on a shared machine falls on both alike.
      for (let round = 0; round < ROUNDS; round++) {
        direct.push(...(await load(perRound, concurrency, scenario.direct)));
        api.push(...(await load(perRound, concurrency, scenario.api)));
      }
      const drift = apiCalls.length !== directCalls.length + (scenario.extraCalls ?? 0) ? 'MIRROR DRIFT: the route now makes other DynamoDB calls than its direct mirror in warm-latency.ts; update the mirror. ' : '';
      const note = `${drift}p99 ${percentile(api, 99).toFixed(1)} ms vs direct ${percentile(direct, 99).toFixed(1)} ms; ${api.length} requests per path; DynamoDB calls: route ${apiCalls.length} [${apiCalls.join(',')}], direct ${directCalls.length}`;
      rows.push(
        row({ group: '3 warm', what: `${scenario.name} c=${concurrency} p50`, measured: percentile(api, 50), floor: percentile(direct, 50), unit: 'ms', target: '≤ 1.3× direct', met: false, note }),
      );
      const last = rows[rows.length - 1];
      last.met = last.ratio <= 1.3;
      rows.push(
        row({ group: '3 warm', what: `${scenario.name} c=${concurrency} p99`, measured: percentile(api, 99), floor: percentile(direct, 99), unit: 'ms', target: 'info', met: null }),
      );
      log(`warm: ${scenario.name} c=${concurrency} p50 ${last.measured.toFixed(1)} vs ${last.floor.toFixed(1)} ms`);
    }
  }
  return rows;
}
