import { addDays, cancelProblem, holdsCapacity, instantOf, isBeforeCutoff, isTaken, markTooEarly, menuProblem, needsDecision, nextStatuses, orderStatuses, weekdayOf, type OrderStatus } from '../../src/features/canteen/rules/canteen';

describe('instantOf: a local time on a business date, in China Standard Time', () => {
  test('09:30 in Asia/Shanghai is 01:30 UTC the same day', () => {
    expect(instantOf('2026-11-16', '09:30').toISOString()).toBe('2026-11-16T01:30:00.000Z');
  });

  test('an early-morning local time falls on the previous UTC day', () => {
    expect(instantOf('2026-11-16', '07:00').toISOString()).toBe('2026-11-15T23:00:00.000Z');
  });

  test('China keeps no daylight saving: 15:30 is 07:30 UTC in winter and in summer', () => {
    expect(instantOf('2026-01-15', '15:30').toISOString()).toBe('2026-01-15T07:30:00.000Z');
    expect(instantOf('2026-07-15', '15:30').toISOString()).toBe('2026-07-15T07:30:00.000Z');
  });
});

describe('weekdayOf: Monday is 1 and Sunday is 7', () => {
  test.each([
    ['2026-11-16', 1],
    ['2026-11-17', 2],
    ['2026-11-20', 5],
    ['2026-11-21', 6],
    ['2026-11-22', 7],
    ['2026-11-23', 1],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('addDays: business dates across month and year ends', () => {
  test('adds and subtracts whole days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-16', 6)).toBe('2026-11-22');
  });
});

describe('isBeforeCutoff: orders are taken strictly before the cutoff instant', () => {
  const cutoffAt = '2026-11-16T01:30:00.000Z';
  test('a millisecond before the cutoff is still open', () => {
    expect(isBeforeCutoff(cutoffAt, new Date('2026-11-16T01:29:59.999Z'))).toBe(true);
  });
  test('at the cutoff instant ordering is closed', () => {
    expect(isBeforeCutoff(cutoffAt, new Date(cutoffAt))).toBe(false);
  });
  test('after the cutoff ordering is closed', () => {
    expect(isBeforeCutoff(cutoffAt, new Date('2026-11-16T03:00:00.000Z'))).toBe(false);
  });
});

describe('nextStatuses: where a worker may move an order', () => {
  test('a placed order may be confirmed or cancelled, whatever the fulfilment', () => {
    for (const fulfilment of ['eat_in', 'pick_up', 'delivery'] as const) {
      expect(nextStatuses('placed', fulfilment).sort()).toEqual(['cancelled', 'confirmed']);
    }
  });

  test('a confirmed eat-in or pick-up order is served, missed or cancelled, never sent out', () => {
    for (const fulfilment of ['eat_in', 'pick_up'] as const) {
      expect(nextStatuses('confirmed', fulfilment).sort()).toEqual(['cancelled', 'no_show', 'served']);
    }
  });

  test('a confirmed delivery goes out for delivery, or is missed or cancelled, never "served"', () => {
    expect(nextStatuses('confirmed', 'delivery').sort()).toEqual(['cancelled', 'no_show', 'out_for_delivery']);
  });

  test('a delivery on its way is delivered or missed, and can no longer be cancelled', () => {
    expect(nextStatuses('out_for_delivery', 'delivery').sort()).toEqual(['delivered', 'no_show']);
  });

  test.each<OrderStatus>(['served', 'delivered', 'no_show', 'cancelled'])('%s is final', (status) => {
    for (const fulfilment of ['eat_in', 'pick_up', 'delivery'] as const) {
      expect(nextStatuses(status, fulfilment)).toEqual([]);
    }
  });

  test('an order never moves back to placed', () => {
    for (const status of orderStatuses) {
      for (const fulfilment of ['eat_in', 'pick_up', 'delivery'] as const) {
        expect(nextStatuses(status, fulfilment)).not.toContain('placed');
      }
    }
  });
});

describe('holdsCapacity and isTaken', () => {
  test('every order but a cancelled one holds its seat', () => {
    expect(orderStatuses.filter((status) => !holdsCapacity(status))).toEqual(['cancelled']);
  });
  test('only served and delivered meals are counted as taken for the subsidy statement', () => {
    expect(orderStatuses.filter(isTaken).sort()).toEqual(['delivered', 'served']);
  });
});

describe('cancelProblem: elders and family cancel before the cutoff, workers at any time before serving', () => {
  const cutoffAt = '2026-11-16T01:30:00.000Z';
  const before = new Date('2026-11-16T00:00:00.000Z');
  const after = new Date('2026-11-16T02:00:00.000Z');

  test('the elder (or family) may cancel a placed order before the cutoff', () => {
    expect(cancelProblem(false, 'placed', 'eat_in', cutoffAt, before)).toBeUndefined();
  });
  test('the elder may cancel a confirmed order before the cutoff', () => {
    expect(cancelProblem(false, 'confirmed', 'delivery', cutoffAt, before)).toBeUndefined();
  });
  test('the elder may not cancel after the cutoff', () => {
    expect(cancelProblem(false, 'placed', 'eat_in', cutoffAt, after)).toBe('after-cutoff');
    expect(cancelProblem(false, 'placed', 'eat_in', cutoffAt, new Date(cutoffAt))).toBe('after-cutoff');
  });
  test('a worker may cancel after the cutoff', () => {
    expect(cancelProblem(true, 'placed', 'eat_in', cutoffAt, after)).toBeUndefined();
    expect(cancelProblem(true, 'confirmed', 'pick_up', cutoffAt, after)).toBeUndefined();
  });
  test.each<[OrderStatus, 'eat_in' | 'delivery']>([
    ['served', 'eat_in'],
    ['no_show', 'eat_in'],
    ['cancelled', 'eat_in'],
    ['out_for_delivery', 'delivery'],
    ['delivered', 'delivery'],
  ])('nobody may cancel a %s %s order', (status, fulfilment) => {
    expect(cancelProblem(true, status, fulfilment, cutoffAt, before)).toBe('not-cancellable');
    expect(cancelProblem(false, status, fulfilment, cutoffAt, before)).toBe('not-cancellable');
  });
});

describe('menuProblem: what a worker may publish', () => {
  const today = '2026-11-16';
  const menu = { date: today, cutoffTime: '09:30', servingTime: '11:30', seatCapacity: 50, deliveryCapacity: 15, standardPriceFen: 1500 };

  test('a menu for today or later with the cutoff before serving and some capacity is fine', () => {
    expect(menuProblem(menu, today)).toBeUndefined();
    expect(menuProblem({ ...menu, date: '2026-11-22' }, today)).toBeUndefined();
  });
  test('a menu for a past date is refused', () => {
    expect(menuProblem({ ...menu, date: '2026-11-15' }, today)).toBe('不能给过去的日期发布菜单');
  });
  test('the cutoff must come before serving time, not at it nor after it', () => {
    expect(menuProblem({ ...menu, cutoffTime: '11:30' }, today)).toBe('截止订餐时间必须早于开饭时间');
    expect(menuProblem({ ...menu, cutoffTime: '12:00' }, today)).toBe('截止订餐时间必须早于开饭时间');
  });
  test('a menu with no seats and no deliveries is refused; either one alone is enough', () => {
    expect(menuProblem({ ...menu, seatCapacity: 0, deliveryCapacity: 0 }, today)).toBe('堂食/自取和送餐名额不能都为 0');
    expect(menuProblem({ ...menu, seatCapacity: 0 }, today)).toBeUndefined();
    expect(menuProblem({ ...menu, deliveryCapacity: 0 }, today)).toBeUndefined();
  });
});

describe('markTooEarly: a meal is marked as happened (or not) only from its day on', () => {
  test.each(['served', 'out_for_delivery', 'delivered', 'no_show'] as const)('"%s" the day before is too early; on the day and after it is not', (status) => {
    expect(markTooEarly(status, '2026-11-17', '2026-11-16')).toBe(true);
    expect(markTooEarly(status, '2026-11-17', '2026-11-17')).toBe(false);
    expect(markTooEarly(status, '2026-11-17', '2026-11-18')).toBe(false);
  });

  test('confirming ahead of the day is fine', () => {
    expect(markTooEarly('confirmed', '2026-11-20', '2026-11-16')).toBe(false);
  });
});

describe('needsDecision: an open order whose meal is over waits for the worker', () => {
  const servingAt = instantOf('2026-11-17', '11:30');
  test.each<[string, OrderStatus, string, string, boolean]>([
    ['placed, during the meal', 'placed', '2026-11-17', '12:00', false],
    ['placed, an hour after serving', 'placed', '2026-11-17', '12:30', true],
    ['confirmed, in the afternoon', 'confirmed', '2026-11-17', '15:00', true],
    ['out for delivery, the next morning', 'out_for_delivery', '2026-11-18', '08:00', true],
    ['served, whenever', 'served', '2026-11-18', '08:00', false],
    ['cancelled, whenever', 'cancelled', '2026-11-18', '08:00', false],
    ['placed, before the day', 'placed', '2026-11-16', '20:00', false],
  ])('%s: %s', (_case, status, today, time, expected) => {
    expect(needsDecision(status, '2026-11-17', servingAt, instantOf(today, time), today)).toBe(expected);
  });
});
