import { bloodPressureSeries, glucoseSeries, layoutChart, markerFor, niceTicks, type ChartSeries } from '../src/lib/health-chart'

const box = { width: 400, height: 260, fontSize: 20 }
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`
const date = (day: number) => `2026-11-${String(day).padStart(2, '0')}`

const pressure = {
  bloodPressure: [
    { at: at(10), date: date(10), bookingId: 'b1', systolic: 130, diastolic: 80 },
    { at: at(3), date: date(3), bookingId: 'b0', systolic: 150, diastolic: 95, flag: 'high' as const, flagName: '偏高' },
    { at: at(17), date: date(17), bookingId: 'b2', systolic: 100, diastolic: 55, flag: 'low' as const, flagName: '偏低' },
  ],
}

describe('health chart layout', () => {
  it('places the earliest reading at the left edge and the latest at the right, whatever order they come in', () => {
    const layout = layoutChart(bloodPressureSeries(pressure), box)
    const systolic = layout.series.find((line) => line.key === 'systolic')!.points
    expect(systolic.map((point) => point.value)).toEqual([150, 130, 100])
    expect(systolic[0].x).toBe(layout.plot.left)
    expect(systolic[2].x).toBe(layout.plot.right)
    // 7 days of 14 after the first: half way across.
    expect(systolic[1].x).toBeCloseTo((layout.plot.left + layout.plot.right) / 2)
  })

  it('scales values between the lowest and highest tick, higher values higher up', () => {
    const layout = layoutChart(bloodPressureSeries(pressure), box)
    const ticks = layout.yTicks
    expect(Number(ticks[0].label)).toBeLessThanOrEqual(55)
    expect(Number(ticks[ticks.length - 1].label)).toBeGreaterThanOrEqual(150)
    expect(ticks[0].position).toBe(layout.plot.bottom)
    expect(ticks[ticks.length - 1].position).toBe(layout.plot.top)
    const [high, , low] = layout.series.find((line) => line.key === 'systolic')!.points
    expect(high.y).toBeLessThan(low.y)
    const diastolic = layout.series.find((line) => line.key === 'diastolic')!.points
    expect(diastolic[0].y).toBeGreaterThan(high.y)
  })

  it('marks 偏高 and 偏低 with their own hollow-triangle markers and a word, and normal readings with a plain dot', () => {
    expect([markerFor('high'), markerFor('low'), markerFor(undefined)]).toEqual(['high', 'low', 'dot'])
    const layout = layoutChart(bloodPressureSeries(pressure), box)
    const [systolic, diastolic] = layout.series
    expect(systolic.points.map((point) => point.marker)).toEqual(['high', 'dot', 'low'])
    expect(diastolic.points.map((point) => point.marker)).toEqual(['high', 'dot', 'low'])
    // The pair's word is written once: 偏高 by the upper line (above the point), 偏低 by the lower one (below it).
    expect(systolic.points.map((point) => point.label?.text)).toEqual(['偏高', undefined, undefined])
    expect(diastolic.points.map((point) => point.label?.text)).toEqual([undefined, undefined, '偏低'])
    expect(systolic.points[0].label!.y).toBeLessThan(systolic.points[0].y)
    expect(diastolic.points[2].label!.y).toBeGreaterThan(diastolic.points[2].y)
  })

  it('glucose: an out-of-range reading gets its flag word even without a flag name from the server', () => {
    const series = glucoseSeries({ glucose: [{ at: at(3), date: date(3), bookingId: 'b0', value: 9.1, fasting: true, flag: 'high' }] })
    const [point] = layoutChart(series, box).series[0].points
    expect(point).toMatchObject({ marker: 'high', label: { text: '偏高' } })
    // A single reading sits in the middle rather than on an edge.
    expect(point.x).toBe((layoutChart(series, box).plot.left + layoutChart(series, box).plot.right) / 2)
  })

  it('dates under the chart are in words and never crowd: at most one per 5.5 characters of width', () => {
    const many: ChartSeries[] = [{ key: 'glucose', points: Array.from({ length: 20 }, (_, index) => ({ at: at(index + 1), date: date(index + 1), value: 6 })) }]
    const layout = layoutChart(many, box)
    expect(layout.xTicks.length).toBeLessThanOrEqual(Math.floor((layout.plot.right - layout.plot.left) / (box.fontSize * 5.5)) + 1)
    expect(layout.xTicks[0].label).toBe('11月1日')
    expect(layout.xTicks[layout.xTicks.length - 1].label).toBe('11月20日')
  })

  it('with no readings it is empty: no lines, no ticks', () => {
    const layout = layoutChart(bloodPressureSeries({ bloodPressure: [] }), box)
    expect(layout).toMatchObject({ empty: true, series: [], xTicks: [], yTicks: [] })
  })
})

describe('nice ticks', () => {
  it('are round steps covering the values, at most as many as asked', () => {
    expect(niceTicks(118, 162, 5)).toEqual([100, 120, 140, 160, 180])
    expect(niceTicks(70, 95, 6)).toEqual([70, 75, 80, 85, 90, 95])
    expect(niceTicks(5.2, 9.8, 5)).toEqual([4, 6, 8, 10])
  })

  it('spread a single value over a range around it', () => {
    expect(niceTicks(7, 7, 4)).toEqual([6, 7, 8])
  })
})
