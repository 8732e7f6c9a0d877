import { MeasurementsSchema } from '@yilin/contract';
import { AppError } from '../../src/platform/errors';
import { parseInput } from '../../src/platform/validation';
import { bloodPressureFlag, glucoseFlag, hasMeasurements, measurementViews, pulseFlag, temperatureFlag } from '../../src/features/care/rules/health';

describe('bloodPressureFlag: 140/90 and over is high, under 90/60 is low', () => {
  test.each([
    [139, 89, undefined],
    [140, 80, 'high'],
    [120, 90, 'high'],
    [90, 60, undefined],
    [89, 70, 'low'],
    [110, 59, 'low'],
    // Either number high is high, even when the other is low.
    [150, 55, 'high'],
  ])('%i/%i → %s', (systolic, diastolic, flag) => {
    expect(bloodPressureFlag(systolic, diastolic)).toBe(flag);
  });
});

describe('pulseFlag: 60–100 a minute is usual', () => {
  test.each([
    [59, 'low'],
    [60, undefined],
    [100, undefined],
    [101, 'high'],
  ])('%i → %s', (pulse, flag) => {
    expect(pulseFlag(pulse)).toBe(flag);
  });
});

describe('glucoseFlag: under 3.9 is low; fasting 7.0 and over, after a meal 11.1 and over, is high', () => {
  test.each([
    [3.8, true, 'low'],
    [3.9, true, undefined],
    [6.9, true, undefined],
    [7.0, true, 'high'],
    [3.8, false, 'low'],
    [7.0, false, undefined],
    [11.0, false, undefined],
    [11.1, false, 'high'],
  ])('%f (fasting: %s) → %s', (value, fasting, flag) => {
    expect(glucoseFlag(value, fasting)).toBe(flag);
  });
});

describe('temperatureFlag: 36.0–37.2 ℃ is usual', () => {
  test.each([
    [35.9, 'low'],
    [36.0, undefined],
    [37.2, undefined],
    [37.3, 'high'],
  ])('%f → %s', (celsius, flag) => {
    expect(temperatureFlag(celsius)).toBe(flag);
  });
});

describe('measurementViews: each reading in words, with its unit and flag, in the order a nurse takes them', () => {
  test('every kind of reading, flagged where it is out of range', () => {
    expect(measurementViews({ weight: 58.5, temperature: 36.5, glucose: 6.8, glucoseFasting: true, pulse: 102, systolic: 152, diastolic: 95 })).toEqual([
      { kind: 'bloodPressure', name: '血压', text: '152/95 mmHg', flag: 'high', flagName: '偏高' },
      { kind: 'pulse', name: '脉搏', text: '102 次/分', flag: 'high', flagName: '偏高' },
      { kind: 'glucose', name: '血糖', text: '6.8 mmol/L（空腹）' },
      { kind: 'temperature', name: '体温', text: '36.5 ℃' },
      { kind: 'weight', name: '体重', text: '58.5 kg' },
    ]);
  });

  test('glucose after a meal says so, and a low reading says 偏低', () => {
    expect(measurementViews({ glucose: 3.5, glucoseFasting: false })).toEqual([{ kind: 'glucose', name: '血糖', text: '3.5 mmol/L（餐后）', flag: 'low', flagName: '偏低' }]);
  });

  test('nothing measured is no readings at all', () => {
    expect(measurementViews({})).toEqual([]);
    expect(hasMeasurements({})).toBe(false);
    expect(hasMeasurements({ glucoseFasting: true })).toBe(false);
    expect(hasMeasurements(undefined)).toBe(false);
    expect(hasMeasurements({ pulse: 72 })).toBe(true);
  });
});

/** The message of the 400 the readings get; fails the test if they are accepted. */
function refusal(measurements: unknown): string {
  try {
    parseInput(MeasurementsSchema, measurements);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
  throw new Error(`Readings accepted: ${JSON.stringify(measurements)}`);
}

describe('MeasurementsSchema: only values a living person can have, blood pressure as a pair', () => {
  test.each([
    [{ systolic: 261, diastolic: 90 }, '收缩压（高压）不可能高于 260 mmHg，请重新量一次'],
    [{ systolic: 120, diastolic: 29 }, '舒张压（低压）不可能低于 30 mmHg，请重新量一次'],
    [{ pulse: 221 }, '脉搏不可能高于 220 次/分，请重新量一次'],
    [{ glucose: 0.5, glucoseFasting: true }, '血糖不可能低于 1 mmol/L，请重新量一次'],
    [{ temperature: 43 }, '体温不可能高于 42.5 ℃，请重新量一次'],
    [{ weight: 24 }, '体重不可能低于 25 kg，请重新量一次'],
    [{ pulse: '72' }, '脉搏应当是数字'],
  ])('%j is refused naming the reading', (measurements, message) => {
    expect(refusal(measurements)).toBe(message);
  });

  test('the limits themselves are accepted', () => {
    const extremes = { systolic: 260, diastolic: 160, pulse: 30, glucose: 35, glucoseFasting: false, temperature: 34, weight: 200 };
    expect(parseInput(MeasurementsSchema, extremes)).toEqual(extremes);
  });

  test('a systolic without its diastolic, or the other way round, is refused', () => {
    expect(refusal({ systolic: 130 })).toBe('血压要同时填高压和低压');
    expect(refusal({ diastolic: 80 })).toBe('血压要同时填高压和低压');
  });

  test('a systolic not above the diastolic is refused', () => {
    expect(refusal({ systolic: 90, diastolic: 90 })).toBe('高压（收缩压）要比低压（舒张压）高，请重新量一次');
    expect(refusal({ systolic: 80, diastolic: 95 })).toBe('高压（收缩压）要比低压（舒张压）高，请重新量一次');
  });

  test('glucose without saying whether fasting is refused', () => {
    expect(refusal({ glucose: 6.1 })).toBe('量血糖时请选是否空腹');
  });
});
