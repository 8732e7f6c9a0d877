import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { niceTicks } from '../lib/health-chart'
import { paintCanvas, setFont, type ChartBox, type ChartLook } from './chart-canvas'

export interface LineSeries {
  name: string
  values: number[]
}

interface Props {
  /** The canvas's id; the legend's keys are `<id>-key-<index>`, the table `<id>-table`. */
  id: string
  title: string
  /** Along the bottom, one per value (months, oldest first). */
  labels: string[]
  /** The same in full for the table (2026年11月), where the axis has short ones (11月). */
  names?: string[]
  /** One or two lines; the second is dashed, so it is told apart without colour. */
  series: LineSeries[]
  /** A value in words, for the table (`12 份`, `¥1,200`). */
  format: (value: number) => string
}

export interface LineLayout {
  plot: { left: number; top: number; right: number; bottom: number }
  yTicks: Array<{ y: number; label: string }>
  xTicks: Array<{ x: number; label: string }>
  lines: Array<Array<{ x: number; y: number }>>
}

/** Where each value goes: the value axis from 0 in round steps, labels below spread so they never crowd. */
export function layoutLines(series: number[][], labels: string[], box: ChartBox): LineLayout {
  const font = box.fontSize
  const top = font
  const bottom = box.height - font * 2
  const tickCount = Math.min(6, Math.max(3, Math.floor((bottom - top) / (font * 2.2)) + 1))
  const ticks = niceTicks(0, Math.max(1, ...series.flat()), tickCount)
  const highest = ticks[ticks.length - 1]
  // Digits are about 0.6 of the font wide: room for the longest tick on the left.
  const left = font * (0.6 * Math.max(...ticks.map((tick) => String(tick).length)) + 0.8)
  const right = box.width - font
  const xOf = (index: number) => (labels.length < 2 ? (left + right) / 2 : left + (index * (right - left)) / (labels.length - 1))
  const yOf = (value: number) => bottom - (value / highest) * (bottom - top)
  // A month label is about 3 characters wide; every n-th one where all of them would not fit.
  const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor((right - left) / (font * 3)))))
  return {
    plot: { left, top, right, bottom },
    yTicks: ticks.map((tick) => ({ y: yOf(tick), label: String(tick) })),
    xTicks: labels.flatMap((label, index) => ((labels.length - 1 - index) % every === 0 ? [{ x: xOf(index), label }] : [])),
    lines: series.map((values) => values.map((value, index) => ({ x: xOf(index), y: yOf(value) }))),
  }
}

function paintLines(ctx: CanvasRenderingContext2D, box: ChartBox, look: ChartLook, layout: LineLayout) {
  const { plot } = layout
  const gap = box.fontSize * 0.4
  setFont(ctx, box, look.text)
  ctx.strokeStyle = look.text
  ctx.lineWidth = 1
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  for (const tick of layout.yTicks) {
    ctx.fillText(tick.label, plot.left - gap, tick.y)
    ctx.globalAlpha = 0.25
    ctx.beginPath()
    ctx.moveTo(plot.left, tick.y)
    ctx.lineTo(plot.right, tick.y)
    ctx.stroke()
    ctx.globalAlpha = 1
  }
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const tick of layout.xTicks) ctx.fillText(tick.label, tick.x, plot.bottom + gap)
  layout.lines.forEach((points, index) => {
    const colour = look.colours[index] ?? look.text
    ctx.strokeStyle = colour
    ctx.fillStyle = colour
    ctx.lineWidth = gap * 0.8
    ctx.setLineDash(index === 1 ? [gap * 2, gap * 1.5] : [])
    ctx.beginPath()
    points.forEach((point, at) => (at === 0 ? ctx.moveTo(point.x, point.y) : ctx.lineTo(point.x, point.y)))
    ctx.stroke()
    ctx.setLineDash([])
    for (const point of points) {
      ctx.beginPath()
      ctx.arc(point.x, point.y, gap * 1.2, 0, Math.PI * 2)
      ctx.fill()
    }
  })
}

/** Values over time as lines on a 2D canvas, with a legend and the same values as a table under it. */
export function LineChart({ id, title, labels, names = labels, series, format }: Props) {
  useEffect(() => {
    const values = series.map((line) => line.values)
    Taro.nextTick(() => paintCanvas(id, series.map((_, index) => String(index)), (ctx, box, look) => paintLines(ctx, box, look, layoutLines(values, labels, box))))
  }, [id, labels, series])

  return (
    <View className='card chart' data-testid={id}>
      <View className='card__title'>{title}</View>
      <Canvas type='2d' id={id} className='chart__canvas' />
      <View className='chart__legend' id={`${id}-legend`}>
        {series.map((line, index) => (
          <View key={line.name} className={`chart__key chart__key--${index}`} id={`${id}-key-${index}`}>
            {index === 1 ? '┅●┅' : '━●━'} {line.name}
          </View>
        ))}
      </View>
      <View className='chart-table' data-testid={`${id}-table`}>
        {names.map((name, row) => (
          <View key={name} className='chart-table__row'>
            <View className='chart-table__name'>{name}</View>
            {series.map((line) => (
              <View key={line.name} className='chart-table__value'>
                {series.length > 1 ? `${line.name} ` : ''}
                {format(line.values[row] ?? 0)}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
