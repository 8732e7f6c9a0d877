import fc from 'fast-check';
import { ServiceBody, bookingStatuses, type BookingStatus } from '@yilin/contract';
import { instantOf } from '../../src/platform/clock';
import { AppError } from '../../src/platform/errors';
import { parseInput } from '../../src/platform/validation';
import { bookingEvents, elderMayCancel, halfHoursAfter, halfHoursOf, newDoorCode, nextBookingStatus, outsideWindow, type BookingEvent } from '../../src/features/care/rules/visit';

/** The legal moves of a booked visit, written out as the product states them; every other pair is refused. */
const legal: Partial<Record<`${BookingStatus} ${BookingEvent}`, BookingStatus>> = {
  'requested assign': 'confirmed',
  'requested reschedule': 'requested',
  'confirmed reschedule': 'requested',
  'requested reject': 'rejected',
  'requested cancel': 'cancelled',
  'confirmed cancel': 'cancelled',
  'confirmed checkIn': 'in_service',
  'in_service checkOut': 'completed',
  'confirmed noShow': 'no_show',
  // The assigned staff member left the centre: back to the queue.
  'confirmed release': 'requested',
};

const events = Object.keys(bookingEvents) as BookingEvent[];
const pairs = bookingStatuses.flatMap((status) => events.map((event) => [status, event, legal[`${status} ${event}`]] as const));

describe('nextBookingStatus: a visit moves only along the state machine', () => {
  test.each(pairs.filter(([, , to]) => to))('%s + %s leads to %s', (status, event, to) => {
    expect(nextBookingStatus(status, event)).toBe(to);
  });

  test.each(pairs.filter(([, , to]) => !to))('%s + %s is refused', (status, event) => {
    expect(nextBookingStatus(status, event)).toBeUndefined();
  });

  test('completed, cancelled, rejected and no-show visits are final: no event moves them', () => {
    for (const status of ['completed', 'cancelled', 'rejected', 'no_show'] as const) {
      expect(events.map((event) => nextBookingStatus(status, event)).filter(Boolean)).toEqual([]);
    }
  });
});

/** A half-hour time of day, 00:00 … 23:30. */
const halfHour = fc.integer({ min: 0, max: 47 }).map((n) => `${String(Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`);
const window = fc.tuple(halfHour, halfHour).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a }));

describe('halfHoursOf: a window is the half hours a staff member holds for it', () => {
  test('09:00–10:30 holds 09:00, 09:30 and 10:00, not the half hour it ends at', () => {
    expect(halfHoursOf('09:00', '10:30')).toEqual(['09:00', '09:30', '10:00']);
  });

  test('a window across noon and one ending at the last half hour of the day', () => {
    expect(halfHoursOf('11:30', '13:00')).toEqual(['11:30', '12:00', '12:30']);
    expect(halfHoursOf('22:30', '23:30')).toEqual(['22:30', '23:00']);
  });

  test('a window of n half hours holds exactly n of them', () => {
    fc.assert(
      fc.property(window, ({ start, end }) => {
        const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
        expect(halfHoursOf(start, end)).toHaveLength((minutes(end) - minutes(start)) / 30);
      }),
    );
  });
});

/** What overlapping means, plainly: the half-hour locks must agree with it. */
const windowsOverlap = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start < b.end && b.start < a.end;

describe('half-hour locks: two visits clash exactly when their windows overlap', () => {
  test('overlapping by half an hour clashes; one ending when the other starts does not', () => {
    expect(windowsOverlap({ start: '09:00', end: '11:00' }, { start: '10:30', end: '12:00' })).toBe(true);
    expect(windowsOverlap({ start: '09:00', end: '11:00' }, { start: '11:00', end: '12:00' })).toBe(false);
  });

  test('for any two windows, they overlap if and only if they share a half hour', () => {
    fc.assert(
      fc.property(window, window, (a, b) => {
        const shared = halfHoursOf(a.start, a.end).some((half) => halfHoursOf(b.start, b.end).includes(half));
        expect(windowsOverlap(a, b)).toBe(shared);
        expect(windowsOverlap(b, a)).toBe(shared);
      }),
    );
  });
});

describe('elderMayCancel: the elder or family cancel until the cutoff, strictly before it', () => {
  const startsAt = instantOf('2026-11-17', '09:00');
  const cutoff = instantOf('2026-11-16', '21:00').getTime();

  test('a millisecond before 12 hours ahead of the window they still may', () => {
    expect(elderMayCancel(startsAt, 12, new Date(cutoff - 1))).toBe(true);
  });

  test('at exactly 12 hours ahead, and after, they may not', () => {
    expect(elderMayCancel(startsAt, 12, new Date(cutoff))).toBe(false);
    expect(elderMayCancel(startsAt, 12, new Date(cutoff + 60_000))).toBe(false);
  });

  test('with no notice asked, they may until the window starts', () => {
    expect(elderMayCancel(startsAt, 0, new Date(startsAt.getTime() - 1))).toBe(true);
    expect(elderMayCancel(startsAt, 0, startsAt)).toBe(false);
  });
});

describe('outsideWindow: a check-in is flagged only before the window starts or after it ends', () => {
  const startsAt = instantOf('2026-11-17', '09:00');
  const endsAt = instantOf('2026-11-17', '11:00');
  const at = (ms: number) => new Date(ms);

  test('at the start, inside and at the end it is in the window', () => {
    expect(outsideWindow(startsAt, startsAt, endsAt)).toBe(false);
    expect(outsideWindow(instantOf('2026-11-17', '10:00'), startsAt, endsAt)).toBe(false);
    expect(outsideWindow(endsAt, startsAt, endsAt)).toBe(false);
  });

  test('a millisecond early or a millisecond late is outside', () => {
    expect(outsideWindow(at(startsAt.getTime() - 1), startsAt, endsAt)).toBe(true);
    expect(outsideWindow(at(endsAt.getTime() + 1), startsAt, endsAt)).toBe(true);
  });
});

test('a door code is always four digits, small numbers padded with zeros', () => {
  const codes = Array.from({ length: 3000 }, newDoorCode);
  for (const code of codes) expect(code).toMatch(/^\d{4}$/);
  expect(codes.some((code) => code.startsWith('0'))).toBe(true);
});

/** The message of the 400 a service body gets; fails the test if the body is accepted. */
function refusal(body: unknown): string {
  try {
    parseInput(ServiceBody, body);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
  throw new Error(`Service accepted: ${JSON.stringify(body)}`);
}

const service = (windows: unknown[]) => ({
  category: 'housework',
  name: '全屋保洁',
  description: '客厅、厨房打扫',
  durationMinutes: 120,
  priceFen: 10_000,
  skill: 'cleaning',
  windows,
  checklist: ['客厅'],
  active: true,
});
const at = (weekday: number, start: string, end: string) => ({ weekday, start, end, capacity: 2 });

describe('ServiceBody: a centre’s windows are whole half hours that end after they start', () => {
  test('a window ending when it starts, or before, is refused', () => {
    expect(refusal(service([at(1, '09:00', '09:00')]))).toBe('时段的结束时间要晚于开始时间');
    expect(refusal(service([at(1, '10:00', '09:00')]))).toBe('时段的结束时间要晚于开始时间');
  });

  test('a time off the hour or half hour is refused', () => {
    expect(refusal(service([at(1, '09:15', '10:00')]))).toBe('时间要在整点或半点，例如 09:00、14:30');
    expect(refusal(service([at(1, '09:00', '24:00')]))).toBe('时间要在整点或半点，例如 09:00、14:30');
  });

  test('two windows starting at the same time on the same weekday are refused; on other weekdays they are fine', () => {
    expect(refusal(service([at(1, '09:00', '11:00'), at(1, '09:00', '10:00')]))).toBe('同一天的同一开始时间只能设一个时段');
    expect(parseInput(ServiceBody, service([at(1, '09:00', '11:00'), at(2, '09:00', '11:00'), at(1, '10:30', '11:30')])).windows).toHaveLength(3);
  });
});

describe('halfHoursAfter: what an early end gives back', () => {
  test('the half hours starting after the time; the one under way is kept', () => {
    expect(halfHoursAfter('09:00', '11:00', '09:35')).toEqual(['10:00', '10:30']);
    expect(halfHoursAfter('09:00', '11:00', '08:50')).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(halfHoursAfter('09:00', '11:00', '10:30')).toEqual([]);
    expect(halfHoursAfter('09:00', '11:00', '11:40')).toEqual([]);
  });
});
