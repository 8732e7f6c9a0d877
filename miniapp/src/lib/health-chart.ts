import { readingFlagNames, type HealthRecordResponse, type ReadingFlag } from '@yilin/contract'
import { formatMonthDay } from './format'

/**
 * A health chart as numbers: where each reading goes on a canvas of a given size, the axis ticks, and how
 * each point is marked. Pure, so it is tested without a canvas; components/HealthChart paints the result.
 * A reading out of range is told three ways: its own marker shape, a word next to it, and colour.
 */

/** A normal reading is a filled dot; 偏高 a hollow triangle pointing up, 偏低 one pointing down. */
export type MarkerKind = 'dot' | 'high' | 'low'

export const markerFor = (flag?: ReadingFlag): MarkerKind => flag ?? 'dot'

export interface ChartPoint {
  at: string
  date: string
  value: number
  flag?: ReadingFlag
  /** The word drawn next to the point; left out where another line already says it at the same moment. */
  label?: string
}

export interface ChartSeries {
  key: string
  points: ChartPoint[]
}

export interface ChartBox {
  width: number
  height: number
  /** The text size the canvas draws with (px): the margins and spacing follow it. */
  fontSize: number
}

export interface PlacedPoint {
  x: number
  y: number
  value: number
  marker: MarkerKind
  label?: { text: string; x: number; y: number }
}

export interface Tick {
  position: number
  label: string
}

export interface ChartLayout {
  empty: boolean
  plot: { left: number; top: number; right: number; bottom: number }
  yTicks: Tick[]
  xTicks: Tick[]
  series: Array<{ key: string; points: PlacedPoint[] }>
}

const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9))

/** Round numbers covering [min, max] with at most `maxCount` ticks: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, maxCount: number): number[] {
  const low = min === max ? min - 1 : min
  const high = min === max ? max + 1 : max
  const rough = (high - low) / Math.max(1, maxCount - 1)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  // The ends, in steps; the small allowance keeps 0.1 + 0.2 from counting as a step past 0.3.
  const ends = (step: number) => [Math.floor(low / step + 1e-9), Math.ceil(high / step - 1e-9)]
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => {
    const [first, last] = ends(candidate)
    return last - first + 1 <= maxCount
  }) ?? 10 * magnitude
  const [first, last] = ends(step)
  const digits = decimalsOf(step) + 1
  const ticks: number[] = []
  for (let index = first; index <= last; index += 1) ticks.push(Number((index * step).toFixed(digits)))
  return ticks
}

/** Evenly spread picks of at most `count` items, always the first and the last. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items
  const picks = new Set<number>()
  for (let i = 0; i < count; i += 1) picks.add(Math.round((i * (items.length - 1)) / (count - 1)))
  return [...picks].map((index) => items[index])
}

export function layoutChart(series: ChartSeries[], box: ChartBox): ChartLayout {
  const font = box.fontSize
  // Room for the value ticks on the left, the dates below, and a word (偏高) right of the last point.
  const plot = { left: font * 3, top: font * 1.5, right: box.width - font * 2.6, bottom: box.height - font * 2 }
  const all = series.flatMap((line) => line.points)
  if (all.length === 0) return { empty: true, plot, yTicks: [], xTicks: [], series: [] }

  const times = all.map((point) => Date.parse(point.at))
  const [firstTime, lastTime] = [Math.min(...times), Math.max(...times)]
  const xOf = (at: string) =>
    lastTime === firstTime ? (plot.left + plot.right) / 2 : plot.left + ((Date.parse(at) - firstTime) / (lastTime - firstTime)) * (plot.right - plot.left)

  const values = all.map((point) => point.value)
  const tickCount = Math.min(6, Math.max(3, Math.floor((plot.bottom - plot.top) / (font * 2.2)) + 1))
  const ticks = niceTicks(Math.min(...values), Math.max(...values), tickCount)
  const [lowest, highest] = [ticks[0], ticks[ticks.length - 1]]
  const yOf = (value: number) => plot.bottom - ((value - lowest) / (highest - lowest)) * (plot.bottom - plot.top)

  const placed = series.map((line) => ({
    key: line.key,
    points: [...line.points]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((point): PlacedPoint => {
        const [x, y] = [xOf(point.at), yOf(point.value)]
        const marker = markerFor(point.flag)
        const text = point.label
        // The word sits right of the point, above a high one and below a low one, clear of the lines between.
        const label = text ? { text, x: x + font * 0.7, y: marker === 'low' ? y + font * 0.9 : y - font * 0.9 } : undefined
        return { x, y, value: point.value, marker, ...(label ? { label } : {}) }
      }),
  }))

  const dates: Array<{ date: string; at: string }> = []
  for (const point of [...all].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (!dates.some((seen) => seen.date === point.date)) dates.push({ date: point.date, at: point.at })
  }
  const dateCount = Math.max(1, Math.floor((plot.right - plot.left) / (font * 5.5)) + 1)
  return {
    empty: false,
    plot,
    yTicks: ticks.map((value) => ({ position: yOf(value), label: String(value) })),
    xTicks: spread(dates, dateCount).map(({ date, at }) => ({ position: xOf(at), label: formatMonthDay(date) })),
    series: placed,
  }
}

const flagWord = (point: { flag?: ReadingFlag; flagName?: string }) => (point.flag ? (point.flagName ?? readingFlagNames[point.flag]) : undefined)

/**
 * Blood pressure as two lines. A flag is the pair's: both points get its marker, and its word is written
 * once, by the line it is about (偏高 above the systolic line, 偏低 below the diastolic one).
 */
export function bloodPressureSeries(record: Pick<HealthRecordResponse, 'bloodPressure'>): ChartSeries[] {
  const line = (key: 'systolic' | 'diastolic', wordOn: ReadingFlag) => ({
    key,
    points: record.bloodPressure.map(({ at, date, flag, flagName, ...reading }) => ({
      at,
      date,
      value: reading[key],
      ...(flag ? { flag } : {}),
      ...(flag === wordOn ? { label: flagWord({ flag, flagName }) } : {}),
    })),
  })
  return [line('systolic', 'high'), line('diastolic', 'low')]
}

export function glucoseSeries(record: Pick<HealthRecordResponse, 'glucose'>): ChartSeries[] {
  return [
    {
      key: 'glucose',
      points: record.glucose.map(({ at, date, value, flag, flagName }) => ({
        at,
        date,
        value,
        ...(flag ? { flag, label: flagWord({ flag, flagName }) } : {}),
      })),
    },
  ]
}
