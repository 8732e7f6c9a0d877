import { ulid } from 'ulid';
import type { Backend } from './lib/backend';
import { tokenFor } from './lib/backend';
import type { BenchWorld } from './lib/fixtures';
import { call } from './lib/http';
import { BENCH_SERVICE } from './lib/care-fixtures';
import { itemBytes, writeUnitsOf } from './lib/item-size';
import { row, type Row } from './lib/report';

/**
 * Row group 5: DynamoDB capacity units per business operation, as DynamoDB Local reports them with
 * ReturnConsumedCapacity=TOTAL (added to every call of the functions' client by the bench meter), each
 * operation run alone through the API so every call it makes is counted, reads and writes apart.
 *
 * DynamoDB Local reports base-table units only: a write that also updates a GSI is charged more by
 * DynamoDB (1 WRU per KB per index the item lands in). The minimums below are base-table minimums too.
 */

/**
 * On-demand prices used for the cost figures. ASSUMPTIONS, not looked up (no web access when written):
 * us-east-1 after the November 2024 on-demand price cut; cn-north-1 is an estimate in CNY to be checked
 * against the AWS China (Beijing) price page before any decision rests on it.
 */
export const prices = {
  asOf: '2024-11 (assumed, see bench/README.md)',
  'us-east-1': { currency: 'USD', perMillionWru: 0.625, perMillionRru: 0.125 },
  'cn-north-1': { currency: 'CNY', perMillionWru: 4.65, perMillionRru: 0.93 },
};

interface Measured {
  read: number;
  write: number;
  calls: string[];
  status: number;
}

async function metered(backend: Backend, run: () => Promise<number>): Promise<Measured> {
  backend.meter.reset();
  backend.meter.enabled = true;
  let status: number;
  try {
    status = await run();
  } finally {
    backend.meter.enabled = false;
  }
  const calls = backend.meter.calls;
  const sum = (kind: 'read' | 'write') => calls.filter((c) => c.kind === kind).reduce((total, c) => total + (c.units ?? 0), 0);
  if (calls.some((c) => c.units === undefined)) throw new Error('DynamoDB Local returned no ConsumedCapacity for some calls');
  return { read: sum('read'), write: sum('write'), calls: calls.map((c) => `${c.command.replace(/ItemCommand$|ItemsCommand$|Command$/, '')} ${c.units}`), status };
}

/** Minimum units the data model allows, assuming every item is at most 1 KB (true of these items). */
const minimums = {
  // Orders write their audit event in the same transaction as the change (the timeline is read from it).
  // Index writes come on top of these minimums: the order's two indexes project every attribute, so each
  // change of an order also rewrites both index entries, and the audit event has one index.
  place: { write: 10, read: 1, why: 'one 5-item transaction (seat, slot, order, audit event, idempotency) = 5 × 2 WRU; reads of the elder and the menu = 2 × 0.5' },
  cancel: { write: 8, read: 0.5, why: 'one 4-item transaction (order, audit event, seat, slot) = 4 × 2 WRU; read of the order = 0.5' },
  confirm: { write: 4, read: 0.5, why: 'one 2-item transaction (order, audit event) = 2 × 2 WRU; read of the order = 0.5' },
  bind: { write: 4, read: 0.5, why: 'one 2-item transaction (code used + binding) = 2 × 2 WRU; read of the code = 0.5' },
  // As for placement, the transaction's condition on the idempotency record stands in for looking it up first.
  book: { write: 10, read: 1.5, why: 'one 5-item transaction (window place, elder slot, booking, idempotency, audit event) = 5 × 2 WRU; reads of the elder, the service and the centre\'s care settings = 3 × 0.5' },
  // The transaction's conditions (the wish's version, the balance and stock never below zero) make eventually consistent reads enough.
  claim: { write: 8, read: 2.5, why: 'one 4-item transaction (wish, community counts, audit event, claim link) = 4 × 2 WRU; reads of the wish, the volunteer, the elder and a binding of the two (nobody claims their family\'s wish), the community\'s rules = 5 × 0.5' },
  redeem: { write: 14, read: 1.5, why: 'one 7-item transaction (item check, points entry and balance, stock entry and balance, redemption, idempotency) = 7 × 2 WRU; reads of the holder, the item and the community\'s rules = 3 × 0.5' },
};

export async function cost(backend: Backend, apiUrl: string, world: BenchWorld): Promise<Row[]> {
  const place = async () => {
    const { elderId, slot } = world.nextPlacement();
    const answer = await call(apiUrl, 'POST', `/elders/${elderId}/orders`, await world.tokenOf(elderId), { date: slot.date, meal: slot.meal, fulfilment: 'eat_in', idempotencyKey: ulid() });
    if (answer.status !== 201) throw new Error(`place answered ${answer.status}: ${answer.body}`);
    return { elderId, orderId: (JSON.parse(answer.body) as { order: { orderId: string } }).order.orderId };
  };
  const book = async () => {
    const { elderId, date, windowStart } = world.care.nextBooking();
    const answer = await call(apiUrl, 'POST', `/elders/${elderId}/bookings`, await world.tokenOf(elderId), { serviceId: BENCH_SERVICE, date, windowStart, address: '测试路 1 号', idempotencyKey: ulid() });
    if (answer.status !== 201) throw new Error(`book answered ${answer.status}: ${answer.body}`);
    return (JSON.parse(answer.body) as { booking: { bookingId: string } }).booking.bookingId;
  };
  const claim = async () => {
    const { token, wishId } = world.wishes.nextClaim();
    return (await call(apiUrl, 'POST', `/wishes/${wishId}/claim`, token)).status;
  };
  const { redeemer } = world.wishes;
  const redeem = async () => (await call(apiUrl, 'POST', `/points/${redeemer.holderId}/redemptions`, redeemer.token, { itemId: redeemer.itemId, idempotencyKey: ulid() })).status;
  // Warm the names cache and connections so the figures are those of a warm function.
  await place();
  await book();
  await claim();
  await redeem();

  let placed = { elderId: '', orderId: '' };
  let booked = '';
  const measured: Record<keyof typeof minimums, Measured> = {
    place: await metered(backend, async () => {
      placed = await place();
      return 201;
    }),
    confirm: await metered(backend, async () => (await call(apiUrl, 'POST', `/orders/${placed.orderId}/status`, world.workerToken, { status: 'confirmed' })).status),
    cancel: await (async () => {
      const other = await place();
      return metered(backend, async () => (await call(apiUrl, 'POST', `/orders/${other.orderId}/cancel`, await world.tokenOf(other.elderId))).status);
    })(),
    bind: await (async () => {
      const elderId = world.elders[world.elders.length - 1];
      const created = await call(apiUrl, 'POST', `/elders/${elderId}/binding-codes`, await world.tokenOf(elderId));
      const { code } = JSON.parse(created.body) as { code: string };
      const family = await tokenFor({ userId: 'demo-family-chen', role: 'family' });
      return metered(backend, async () => (await call(apiUrl, 'POST', '/bindings', family, { code, relation: 'son' })).status);
    })(),
    book: await metered(backend, async () => {
      booked = await book();
      return 201;
    }),
    claim: await metered(backend, claim),
    redeem: await metered(backend, redeem),
  };

  const rows: Row[] = [];
  const names: Record<keyof typeof minimums, string> = { place: 'place order', cancel: 'cancel order', confirm: 'confirm order', bind: 'bind family (redeem code)', book: 'book a home visit', claim: 'claim a wish', redeem: 'redeem points in the store' };
  for (const key of Object.keys(minimums) as Array<keyof typeof minimums>) {
    const m = measured[key];
    const min = minimums[key];
    if (m.status >= 300) throw new Error(`${names[key]} answered ${m.status}`);
    rows.push(
      row({ group: '5 cost', what: `${names[key]}: write units`, measured: m.write, floor: min.write, unit: 'WRU', target: '= model minimum', met: m.write <= min.write, note: `minimum: ${min.why}; calls: ${m.calls.join(', ')}` }),
      row({ group: '5 cost', what: `${names[key]}: read units`, measured: m.read, floor: min.read, unit: 'RRU', target: '= model minimum', met: m.read <= min.read }),
    );
  }
  // The order item a confirmation rewrites, as stored: its size decides the units of each write of it.
  const { Order } = await import('../functions/src/features/canteen/entities');
  const stored = (await Order.get({ orderId: placed.orderId }).go({ data: 'raw' })).data as { Item?: Record<string, unknown> };
  if (!stored.Item) throw new Error('the confirmed order is not in the table');
  const orderBytes = itemBytes(stored.Item);
  rows.push(
    row({
      group: '5 cost', what: 'confirm order: write units of the order item', measured: writeUnitsOf(orderBytes), floor: 1, unit: 'WRU', target: '1 (order ≤ 1 KB)', met: writeUnitsOf(orderBytes) === 1,
      note: `the confirmed order is ${orderBytes} bytes as DynamoDB sizes items (its timeline lives in audit events), so each write of it is 1 unit, or 2 inside a transaction; the whole confirmation, with its audit event in the same transaction and index writes, is the write-units row above`,
    }),
  );
  // The booking item as stored: its size decides the units of each write of it (2 inside a transaction).
  const { Booking } = await import('../functions/src/features/care/entities');
  const storedBooking = (await Booking.get({ bookingId: booked }).go({ data: 'raw' })).data as { Item?: Record<string, unknown> };
  if (!storedBooking.Item) throw new Error('the booking is not in the table');
  const bookingBytes = itemBytes(storedBooking.Item);
  rows.push(
    row({
      group: '5 cost', what: 'book a home visit: write units of the booking item', measured: writeUnitsOf(bookingBytes), floor: 1, unit: 'WRU', target: '1 (booking ≤ 1 KB)', met: writeUnitsOf(bookingBytes) === 1,
      note: `the new booking is ${bookingBytes} bytes as DynamoDB sizes items (its timeline lives in audit events); each later change of it (assign, check-in, record, check-out) rewrites it`,
    }),
  );
  // An order's life on the board: placed, confirmed, then served (a status change like confirm).
  const life = { write: measured.place.write + 2 * measured.confirm.write, read: measured.place.read + 2 * measured.confirm.read };
  const floorLife = { write: minimums.place.write + 2 * minimums.confirm.write, read: minimums.place.read + 2 * minimums.confirm.read };
  for (const region of ['us-east-1', 'cn-north-1'] as const) {
    const price = prices[region];
    const per1000 = (units: { write: number; read: number }) => (1000 * (units.write * price.perMillionWru + units.read * price.perMillionRru)) / 1e6;
    const r = row({
      group: '5 cost', what: `per 1,000 meal orders, ${region} (${price.currency})`, measured: per1000(life), floor: per1000(floorLife), unit: price.currency, target: '= model minimum', met: false,
      note: `an order = place + confirm + served: ${life.write} WRU + ${life.read} RRU (minimum ${floorLife.write} + ${floorLife.read}); prices ${price.perMillionWru}/${price.perMillionRru} ${price.currency} per million WRU/RRU, ${prices.asOf}; as DynamoDB Local reports them, index writes included`,
    });
    r.met = r.ratio <= 1;
    r.measured = Number(r.measured.toFixed(6));
    rows.push(r);
  }
  return rows;
}
