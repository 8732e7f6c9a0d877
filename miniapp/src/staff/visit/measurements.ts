import type { MeasurementsInput } from '@yilin/contract'

/** The readings as typed; the glucose choice starts unchosen so 空腹 is never assumed. */
export interface MeasurementsDraft {
  systolic: string
  diastolic: string
  pulse: string
  glucose: string
  glucoseFasting: boolean | null
  temperature: string
  weight: string
}

export const emptyMeasurements = (): MeasurementsDraft => ({ systolic: '', diastolic: '', pulse: '', glucose: '', glucoseFasting: null, temperature: '', weight: '' })

export type NumberField = Exclude<keyof MeasurementsDraft, 'glucoseFasting'>
export const numberFields: NumberField[] = ['systolic', 'diastolic', 'pulse', 'glucose', 'temperature', 'weight']

/**
 * What was measured as numbers, leaving out what was not; undefined when nothing was. Whether a value is
 * one a living person can have is the server's rule (it answers each field's problem), not repeated here.
 */
export function measurementsOf(draft: MeasurementsDraft): MeasurementsInput | undefined {
  const input: MeasurementsInput = {}
  for (const field of numberFields) {
    const text = draft[field].trim()
    if (text) input[field] = Number(text)
  }
  if (draft.glucoseFasting !== null && input.glucose !== undefined) input.glucoseFasting = draft.glucoseFasting
  return Object.keys(input).length ? input : undefined
}
