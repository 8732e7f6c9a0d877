import { measurementNames, measurementUnits, readingFlagNames, type MeasurementView, type MeasurementsInput, type ReadingFlag } from '@yilin/contract';

/**
 * When a reading is outside the usual range for an older adult, so the family's chart marks it (in words
 * and by shape, not colour alone). The impossible values are refused earlier, by the request's schema.
 * 血压 ≥140/90 偏高, <90/60 偏低; 脉搏 60–100; 血糖 空腹 3.9–6.1 (≥7.0 偏高), 餐后 <11.1; 体温 36.0–37.2 ℃.
 */
export function bloodPressureFlag(systolic: number, diastolic: number): ReadingFlag | undefined {
  if (systolic >= 140 || diastolic >= 90) return 'high';
  if (systolic < 90 || diastolic < 60) return 'low';
  return undefined;
}

export function pulseFlag(pulse: number): ReadingFlag | undefined {
  return pulse > 100 ? 'high' : pulse < 60 ? 'low' : undefined;
}

export function glucoseFlag(value: number, fasting: boolean): ReadingFlag | undefined {
  if (value < 3.9) return 'low';
  return value >= (fasting ? 7.0 : 11.1) ? 'high' : undefined;
}

export function temperatureFlag(celsius: number): ReadingFlag | undefined {
  return celsius >= 37.3 ? 'high' : celsius < 36 ? 'low' : undefined;
}

const flagged = (flag: ReadingFlag | undefined) => (flag ? { flag, flagName: readingFlagNames[flag] } : {});

/** The readings of a visit, each in words with its unit and flag, in the order a nurse takes them. */
export function measurementViews(m: MeasurementsInput): MeasurementView[] {
  const views: MeasurementView[] = [];
  const unit = (kind: MeasurementView['kind']) => measurementUnits[kind];
  if (m.systolic !== undefined && m.diastolic !== undefined) {
    views.push({ kind: 'bloodPressure', name: measurementNames.bloodPressure, text: `${m.systolic}/${m.diastolic} ${unit('bloodPressure')}`, ...flagged(bloodPressureFlag(m.systolic, m.diastolic)) });
  }
  if (m.pulse !== undefined) views.push({ kind: 'pulse', name: measurementNames.pulse, text: `${m.pulse} ${unit('pulse')}`, ...flagged(pulseFlag(m.pulse)) });
  if (m.glucose !== undefined) {
    const fasting = m.glucoseFasting ?? false;
    views.push({ kind: 'glucose', name: measurementNames.glucose, text: `${m.glucose} ${unit('glucose')}（${fasting ? '空腹' : '餐后'}）`, ...flagged(glucoseFlag(m.glucose, fasting)) });
  }
  if (m.temperature !== undefined) views.push({ kind: 'temperature', name: measurementNames.temperature, text: `${m.temperature} ${unit('temperature')}`, ...flagged(temperatureFlag(m.temperature)) });
  if (m.weight !== undefined) views.push({ kind: 'weight', name: measurementNames.weight, text: `${m.weight} ${unit('weight')}` });
  return views;
}

/** One visit's readings as points of the health record's series, each flagged. */
export function readingPoints(m: MeasurementsInput) {
  const fasting = m.glucoseFasting ?? false;
  return {
    bloodPressure: m.systolic !== undefined && m.diastolic !== undefined ? { systolic: m.systolic, diastolic: m.diastolic, ...flagged(bloodPressureFlag(m.systolic, m.diastolic)) } : undefined,
    glucose: m.glucose !== undefined ? { value: m.glucose, fasting, ...flagged(glucoseFlag(m.glucose, fasting)) } : undefined,
    pulse: m.pulse !== undefined ? { value: m.pulse, ...flagged(pulseFlag(m.pulse)) } : undefined,
    temperature: m.temperature !== undefined ? { value: m.temperature, ...flagged(temperatureFlag(m.temperature)) } : undefined,
    weight: m.weight !== undefined ? { value: m.weight } : undefined,
  };
}

export const hasMeasurements = (m: MeasurementsInput | undefined): m is MeasurementsInput => !!m && measurementViews(m).length > 0;
