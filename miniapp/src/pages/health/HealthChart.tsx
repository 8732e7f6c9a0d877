import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { layoutChart, type ChartLayout, type ChartSeries, type PlacedPoint } from '../../lib/health-chart'
import { paintCanvas } from '../../components/chart-canvas'

interface Props {
  /** The canvas's id; the legend's keys are `<id>-key-<series>`. */
  id: string
  title: string
  series: ChartSeries[]
  /** Each line's name in words, shown in the colour it is drawn in; a dashed line tells a second line apart without colour. */
  lines: Record<string, { name: string; dashed?: boolean }>
}

/** The colours and text size the chart paints with, read from the legend's styles so they come from the tokens. */
interface Paint {
  text: string
  flag: string
  fontSize: number
  colours: Record<string, string>
  dashed: Set<string>
}

type Ctx = CanvasRenderingContext2D

function marker(ctx: Ctx, point: PlacedPoint, size: number, colour: string, flagColour: string) {
  ctx.beginPath()
  if (point.marker === 'dot') {
    ctx.fillStyle = colour
    ctx.arc(point.x, point.y, size * 0.7, 0, Math.PI * 2)
    ctx.fill()
    return
  }
  // Hollow triangles, pointing up for 偏高 and down for 偏低: a shape that differs, not just a colour.
  const tip = point.marker === 'high' ? -1 : 1
  ctx.moveTo(point.x, point.y + tip * size * 1.2)
  ctx.lineTo(point.x - size, point.y - tip * size * 0.7)
  ctx.lineTo(point.x + size, point.y - tip * size * 0.7)
  ctx.closePath()
  ctx.strokeStyle = flagColour
  ctx.lineWidth = size * 0.35
  ctx.stroke()
}

function paint(ctx: Ctx, layout: ChartLayout, look: Paint) {
  const { plot } = layout
  const size = look.fontSize * 0.45
  ctx.font = `${look.fontSize}px sans-serif`
  ctx.fillStyle = look.text
  ctx.strokeStyle = look.text
  ctx.lineWidth = 1
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  for (const tick of layout.yTicks) {
    ctx.fillText(tick.label, plot.left - size, tick.position)
    ctx.globalAlpha = 0.25
    ctx.beginPath()
    ctx.moveTo(plot.left, tick.position)
    ctx.lineTo(plot.right, tick.position)
    ctx.stroke()
    ctx.globalAlpha = 1
  }
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const tick of layout.xTicks) ctx.fillText(tick.label, tick.position, plot.bottom + size)

  for (const line of layout.series) {
    const colour = look.colours[line.key] ?? look.text
    ctx.strokeStyle = colour
    ctx.lineWidth = size * 0.5
    ctx.setLineDash(look.dashed.has(line.key) ? [size * 1.5, size] : [])
    ctx.beginPath()
    line.points.forEach((point, index) => (index === 0 ? ctx.moveTo(point.x, point.y) : ctx.lineTo(point.x, point.y)))
    ctx.stroke()
    ctx.setLineDash([])
    for (const point of line.points) marker(ctx, point, size, colour, look.flag)
  }
  ctx.font = `bold ${look.fontSize}px sans-serif`
  ctx.fillStyle = look.flag
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  for (const point of layout.series.flatMap((line) => line.points)) {
    if (point.label) ctx.fillText(point.label.text, point.label.x, point.label.y)
  }
}

/** Paints the chart with the legend's colours and text size (the flag's colour first, then each line's). */
function draw(id: string, series: ChartSeries[], dashed: Set<string>) {
  paintCanvas(id, ['flag', ...series.map((line) => line.key)], (context, box, { text, colours: [flag, ...lines] }) => {
    const colours = Object.fromEntries(series.map((line, index) => [line.key, lines[index] || text]))
    paint(context, layoutChart(series, box), { text, flag, fontSize: box.fontSize, colours, dashed })
  })
}

/** A line chart on a 2D canvas (styled by the health page), with a legend in words: the lines by name, and what each marker shape means. */
export function HealthChart({ id, title, series, lines }: Props) {
  useEffect(() => {
    const dashed = new Set(Object.keys(lines).filter((key) => lines[key].dashed))
    if (series.some((line) => line.points.length > 0)) Taro.nextTick(() => draw(id, series, dashed))
  }, [id, series, lines])

  return (
    <View className='card health-chart' data-testid={id}>
      <View className='card__title'>{title}</View>
      <Canvas type='2d' id={id} className='health-chart__canvas' />
      <View className='health-chart__legend' id={`${id}-legend`}>
        {series.map((line) => (
          <View key={line.key} className={`health-chart__key health-chart__key--${line.key}`} id={`${id}-key-${line.key}`}>
            {lines[line.key]?.dashed ? '┅●┅' : '━●━'} {lines[line.key]?.name}
          </View>
        ))}
        <View className='health-chart__key health-chart__key--flag' id={`${id}-key-flag`}>
          <View>△ 空心三角，尖朝上：偏高</View>
          <View>▽ 空心三角，尖朝下：偏低</View>
        </View>
        <View>● 实心圆点：正常</View>
      </View>
    </View>
  )
}
