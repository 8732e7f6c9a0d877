import fc from 'fast-check';
import { ageOn, birthDateProblem } from '../../src/features/people/rules/age';
import { businessDate } from '../../src/platform/clock';

describe('ageOn: age in whole years on a calendar date', () => {
  test('a person turns a year older on their birthday, not the day before', () => {
    expect(ageOn('1946-03-08', '2026-03-07')).toBe(79);
    expect(ageOn('1946-03-08', '2026-03-08')).toBe(80);
    expect(ageOn('1946-03-08', '2026-03-09')).toBe(80);
  });

  test('a birthday later in the year has not yet counted earlier in the year', () => {
    expect(ageOn('1950-12-31', '2026-01-01')).toBe(75);
    expect(ageOn('1950-12-31', '2026-12-30')).toBe(75);
    expect(ageOn('1950-12-31', '2026-12-31')).toBe(76);
  });

  test('someone born on 29 February turns older on 1 March in a common year', () => {
    expect(ageOn('1948-02-29', '2026-02-28')).toBe(77);
    expect(ageOn('1948-02-29', '2026-03-01')).toBe(78);
  });

  test('someone born on 29 February turns older on 29 February in a leap year', () => {
    expect(ageOn('1948-02-29', '2028-02-28')).toBe(79);
    expect(ageOn('1948-02-29', '2028-02-29')).toBe(80);
  });

  test('on the day of birth the age is 0', () => {
    expect(ageOn('2026-05-01', '2026-05-01')).toBe(0);
  });

  test('the age never decreases as the date moves forward', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, date, (birth, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        fc.pre(birth <= earlier);
        expect(ageOn(birth, later)).toBeGreaterThanOrEqual(ageOn(birth, earlier));
      }),
    );
  });
});

describe('birthDateProblem: a birth date must lie in the past and be plausible', () => {
  const today = '2026-06-15';

  test('a date in the past is accepted', () => {
    expect(birthDateProblem('1941-05-12', today)).toBeUndefined();
  });

  test('today is accepted, tomorrow is refused with a Chinese message', () => {
    expect(birthDateProblem(today, today)).toBeUndefined();
    expect(birthDateProblem('2026-06-16', today)).toBe('出生日期不能晚于今天');
  });

  test('120 years ago to the day is accepted; the day before is refused', () => {
    expect(birthDateProblem('1906-06-15', today)).toBeUndefined();
    expect(birthDateProblem('1906-06-14', today)).toBe('出生日期不能早于 120 年前，请核对');
  });

  test('on 29 February the limit is the same calendar day, 120 years earlier', () => {
    expect(birthDateProblem('1908-02-28', '2028-02-29')).toBe('出生日期不能早于 120 年前，请核对');
    expect(birthDateProblem('1908-02-29', '2028-02-29')).toBeUndefined();
  });
});

describe('businessDate: dates are reckoned in China Standard Time', () => {
  test('16:00 UTC is already the next day in Asia/Shanghai', () => {
    expect(businessDate(new Date('2026-03-07T15:59:59Z'))).toBe('2026-03-07');
    expect(businessDate(new Date('2026-03-07T16:00:00Z'))).toBe('2026-03-08');
  });
});
