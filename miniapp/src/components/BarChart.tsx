import { useEffect, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { niceTicks } from '../lib/health-chart'
import { paintCanvas, setFont, type ChartBox, type ChartLook } from './chart-canvas'

export interface Bar {
  key: string
  /** In full in the table; shortened beside its bar. */
  name: string
  value: number
}

interface Props {
  /** The canvas's id; the legend is `<id>-legend`, the table `<id>-table`, its rows `<id>-row-<key>`. */
  id: string
  title: string
  /** What is measured, in words (the legend): 本月餐数. */
  measure: string
  bars: Bar[]
  /** A value in words (`12 份`, `¥1,200`), beside its bar and in the table. */
  format: (value: number) => string
  /** The figures in words under the chart, where the page has a fuller table than the bars' own. */
  children?: ReactNode
}

export interface BarLayout {
  /** Where the names end and the bars start. */
  barLeft: number
  rows: Array<{ name: string; value: string; y: number; width: number; thickness: number }>
}

/** Names of places are long: beside a bar they keep their first characters (the table has them in full). */
const NAME_CHARACTERS = 6
const shortName = (name: string) => (name.length > NAME_CHARACTERS ? `${name.slice(0, NAME_CHARACTERS - 1)}…` : name)

/** One row per bar, side by side from the top: the name, the bar from 0 and its value in words after it. */
export function layoutBars(bars: Bar[], format: (value: number) => string, box: ChartBox): BarLayout {
  const font = box.fontSize
  const barLeft = font * (NAME_CHARACTERS + 0.5)
  const texts = bars.map((bar) => format(bar.value))
  // Room after the longest bar for its value (digits and signs about 0.6 of the font wide).
  const barRoom = box.width - barLeft - font * (0.6 * Math.max(0, ...texts.map((text) => text.length)) + 0.8)
  const ticks = niceTicks(0, Math.max(1, ...bars.map((bar) => bar.value)), 4)
  const highest = ticks[ticks.length - 1]
  const row = box.height / Math.max(1, bars.length)
  return {
    barLeft,
    rows: bars.map((bar, index) => ({
      name: shortName(bar.name),
      value: texts[index],
      y: row * (index + 0.5),
      width: Math.max(0, (bar.value / highest) * barRoom),
      thickness: row * 0.6,
    })),
  }
}

function paintBars(ctx: CanvasRenderingContext2D, box: ChartBox, look: ChartLook, layout: BarLayout) {
  const gap = box.fontSize * 0.4
  ctx.textBaseline = 'middle'
  for (const row of layout.rows) {
    setFont(ctx, box, look.text)
    ctx.textAlign = 'right'
    ctx.fillText(row.name, layout.barLeft - gap, row.y)
    ctx.fillStyle = look.colours[0] ?? look.text
    ctx.fillRect(layout.barLeft, row.y - row.thickness / 2, row.width, row.thickness)
    setFont(ctx, box, look.text, true)
    ctx.textAlign = 'left'
    ctx.fillText(row.value, layout.barLeft + row.width + gap, row.y)
  }
}

/** Places side by side as bars on a 2D canvas, one row each, with the same figures as a table under it. */
export function BarChart({ id, title, measure, bars, format, children }: Props) {
  useEffect(() => {
    Taro.nextTick(() => paintCanvas(id, ['0'], (ctx, box, look) => paintBars(ctx, box, look, layoutBars(bars, format, box))))
  }, [id, bars, format])

  return (
    <View className='card chart' data-testid={id}>
      <View className='card__title'>{title}</View>
      {/* As tall as the rows need: a row per bar, each as tall as a tap target. */}
      <Canvas type='2d' id={id} className='chart__canvas chart__canvas--bars' style={{ height: `calc(${Math.max(1, bars.length)} * var(--target-inline))` }} />
      <View className='chart__legend' id={`${id}-legend`}>
        <View className='chart__key chart__key--0' id={`${id}-key-0`}>
          ■ {measure}
        </View>
      </View>
      {children ?? (
        <View className='chart-table' data-testid={`${id}-table`}>
          {bars.map((bar) => (
            <View key={bar.key} className='chart-table__row' data-testid={`${id}-row-${bar.key}`}>
              <View className='chart-table__name'>{bar.name}</View>
              <View className='chart-table__value'>{format(bar.value)}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
