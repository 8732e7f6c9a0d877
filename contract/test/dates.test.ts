import { businessDateOf } from '../src';

describe('businessDateOf: the day in China, whatever the zone of the machine', () => {
  test.each([
    ['2026-11-23T15:59:59.999Z', '2026-11-23'],
    ['2026-11-23T16:00:00.000Z', '2026-11-24'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2028-02-28T16:00:00.000Z', '2028-02-29'],
  ])('%s is %s', (iso, date) => {
    expect(businessDateOf(new Date(iso))).toBe(date);
    expect(businessDateOf(Date.parse(iso))).toBe(date);
  });
});
