import type { HandlerName } from '../../functions/src/routes';
import { SESSION_TTL_SECONDS } from '../../functions/src/platform/session-token';

/**
 * A simulated day of one county's API traffic: who opens the app when, and which requests each opening
 * makes, following the mini-program's pages (an opening after the one-hour session has expired starts on the
 * sign-in page; every page loads with one request; a change reloads what is on screen). Seeded, so the same
 * seed gives the same day. All figures here are ASSUMPTIONS, stated so they can be argued with.
 */
export const county = {
  elders: 3000,
  /** Relatives using the app, each for one elder. */
  families: 1200,
  /** One per community. */
  workers: 30,
  admins: 2,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An opening this long after the last sign-in finds the session token expired and signs in again. */
const SESSION_MS = SESSION_TTL_SECONDS * 1000;

export type Person = 'elder' | 'family' | 'worker' | 'admin';

export interface Request {
  /** Milliseconds since midnight, Asia/Shanghai. */
  at: number;
  handler: HandlerName;
  /** The opening (one visit to the app) the request belongs to. */
  opening: number;
  person: Person;
}

/** mulberry32: small, fast and good enough to draw a day from. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const between = (random: Random, low: number, high: number) => low + random() * (high - low);
/** Most openings of a window fall in its middle: a triangular draw between two hours. */
const peaked = (random: Random, fromHour: number, toHour: number) => ((between(random, fromHour, toHour) + between(random, fromHour, toHour)) / 2) * HOUR;
const seconds = (random: Random, low: number, high: number) => between(random, low, high) * 1000;

/** When elders open the app: most before breakfast and before dinner (the canteen's two ordering moments). */
function elderOpeningAt(random: Random): number {
  const r = random();
  if (r < 0.45) return peaked(random, 6, 9);
  if (r < 0.85) return peaked(random, 16, 19);
  if (r < 0.95) return between(random, 9, 16) * HOUR;
  return between(random, 19, 21) * HOUR;
}

/** Relatives look in after work, a few in their lunch break. */
function familyOpeningAt(random: Random): number {
  return random() < 0.75 ? peaked(random, 19, 22) : peaked(random, 12, 13.5);
}

interface Step {
  handler: HandlerName;
  /** Think time before the request, after the previous one. */
  afterMs: number;
}

/** An elder's or a relative's visit: home, then the canteen's week (and often an order), or the orders. */
function householdVisit(random: Random, orderShare: number): Step[] {
  const steps: Step[] = [];
  const r = random();
  if (r < 0.65) {
    steps.push({ handler: 'canteen/elder-menus', afterMs: seconds(random, 8, 30) });
    if (random() < orderShare) {
      steps.push({ handler: 'canteen/place-order', afterMs: seconds(random, 20, 90) });
      steps.push({ handler: 'canteen/elder-menus', afterMs: seconds(random, 1, 3) });
    }
  } else if (r < 0.92) {
    steps.push({ handler: 'canteen/elder-orders', afterMs: seconds(random, 8, 30) });
    if (random() < 0.08) steps.push({ handler: 'canteen/cancel-order', afterMs: seconds(random, 10, 40) });
  } else if (r < 0.97) {
    steps.push({ handler: 'elders/get', afterMs: seconds(random, 8, 30) });
    if (random() < 0.2) steps.push({ handler: 'elders/update-contact', afterMs: seconds(random, 30, 120) });
  } else {
    steps.push({ handler: 'canteen/list-subscriptions', afterMs: seconds(random, 8, 30) });
    if (random() < 0.3) steps.push({ handler: 'canteen/subscribe', afterMs: seconds(random, 20, 60) });
  }
  return steps;
}

/** A worker's visit during the working day: mostly the day's board and its status changes. */
function workerVisit(random: Random): Step[] {
  const steps: Step[] = [];
  const r = random();
  if (r < 0.55) {
    steps.push({ handler: 'canteen/board', afterMs: seconds(random, 3, 10) });
    const changes = Math.floor(random() * 7);
    for (let i = 0; i < changes; i++) {
      steps.push({ handler: 'canteen/set-order-status', afterMs: seconds(random, 5, 20) }, { handler: 'canteen/board', afterMs: seconds(random, 0.5, 1.5) });
    }
    if (random() < 0.15) steps.push({ handler: 'canteen/confirm-all', afterMs: seconds(random, 5, 20) }, { handler: 'canteen/board', afterMs: seconds(random, 0.5, 1.5) });
  } else if (r < 0.75) {
    steps.push({ handler: 'elders/list-community', afterMs: seconds(random, 3, 10) });
    if (random() < 0.5) {
      steps.push({ handler: 'elders/get', afterMs: seconds(random, 5, 20) });
      const s = random();
      if (s < 0.15) steps.push({ handler: 'elders/verify', afterMs: seconds(random, 20, 90) });
      else if (s < 0.2) steps.push({ handler: 'elders/create-claim-code', afterMs: seconds(random, 10, 30) });
      else if (s < 0.22) steps.push({ handler: 'elders/revoke-claim-code', afterMs: seconds(random, 10, 30) });
    }
  } else if (r < 0.92) {
    steps.push({ handler: 'canteen/centre-menus', afterMs: seconds(random, 3, 10) }, { handler: 'canteen/get-pricing', afterMs: 0 });
    const s = random();
    if (s < 0.1) steps.push({ handler: 'canteen/publish-menu', afterMs: seconds(random, 60, 240) });
    else if (s < 0.13) steps.push({ handler: 'canteen/copy-week', afterMs: seconds(random, 10, 30) });
  } else {
    steps.push({ handler: 'org/get', afterMs: seconds(random, 3, 10) }, { handler: 'canteen/statement', afterMs: seconds(random, 5, 20) });
  }
  return steps;
}

function adminVisit(random: Random): Step[] {
  const steps: Step[] = [{ handler: 'org/get', afterMs: seconds(random, 3, 10) }];
  const r = random();
  if (r < 0.5) steps.push({ handler: 'canteen/statement', afterMs: seconds(random, 5, 30) });
  else if (r < 0.8) steps.push({ handler: 'elders/list-community', afterMs: seconds(random, 5, 30) });
  else {
    steps.push({ handler: 'canteen/get-pricing', afterMs: seconds(random, 5, 30) });
    if (random() < 0.3) steps.push({ handler: 'canteen/set-pricing', afterMs: seconds(random, 30, 90) });
  }
  return steps;
}

/** One person's openings over the day; each signs in again when the last sign-in is over an hour old. */
class Day {
  readonly requests: Request[] = [];
  private openings = 0;

  constructor(private readonly random: Random) {}

  person(kind: Person, starts: number[], visit: (index: number) => Step[]): void {
    let signedInAt = -Infinity;
    for (const [index, start] of [...starts].sort((a, b) => a - b).entries()) {
      const opening = this.openings++;
      let at = start;
      const push = (handler: HandlerName, afterMs: number) => {
        at += afterMs;
        this.requests.push({ at, handler, opening, person: kind });
      };
      if (at - signedInAt >= SESSION_MS) {
        // The sign-in page, one tap on 微信一键登录, then home.
        push('auth/wechat-login', seconds(this.random, 3, 12));
        signedInAt = at;
      }
      push('me/get', seconds(this.random, 0.5, 2));
      for (const step of visit(index)) push(step.handler, step.afterMs);
    }
  }
}

/** The county's day, sorted by time. */
export function simulateDay(seed: number): Request[] {
  const random = seededRandom(seed);
  const day = new Day(random);
  const newRelatives: number[] = [];
  for (let i = 0; i < county.elders; i++) {
    const starts = [elderOpeningAt(random), ...(random() < 0.45 ? [elderOpeningAt(random)] : [])].sort((a, b) => a - b);
    // Now and then an elder makes an invitation code; the relative signs in and redeems it a little later.
    const invites = random() < 0.01;
    if (invites) newRelatives.push(starts[0] + between(random, 5, 30) * MINUTE);
    day.person('elder', starts, (index) => [
      ...householdVisit(random, 0.55),
      ...(invites && index === 0 ? [{ handler: 'bindings/create-code' as const, afterMs: seconds(random, 10, 40) }] : []),
    ]);
  }
  for (const at of newRelatives) day.person('family', [at], () => [{ handler: 'bindings/redeem', afterMs: seconds(random, 10, 40) }]);
  for (let i = 0; i < county.families; i++) {
    day.person('family', [familyOpeningAt(random)], () => householdVisit(random, 0.35));
  }
  for (let i = 0; i < county.workers; i++) {
    // Working day from about 8:00 to 17:30, a visit every 35 minutes on average (at least 3 apart).
    const starts: number[] = [];
    const end = between(random, 17, 17.75) * HOUR;
    for (let at = between(random, 7.75, 8.5) * HOUR; at < end; at += Math.max(3 * MINUTE, -Math.log(1 - random()) * 35 * MINUTE)) starts.push(at);
    day.person('worker', starts, () => workerVisit(random));
  }
  for (let i = 0; i < county.admins; i++) {
    day.person('admin', [0, 1, 2].map(() => between(random, 9, 17) * HOUR), () => adminVisit(random));
  }
  return day.requests.sort((a, b) => a.at - b.at);
}
