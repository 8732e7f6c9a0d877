import Taro from '@tarojs/taro'

/** The size a chart is laid out in (CSS px) and the text size it draws with. */
export interface ChartBox {
  width: number
  height: number
  fontSize: number
}

/** The colours a chart paints with: the legend's text, and each key's (`#<id>-key-<key>`), in the order asked for. */
export interface ChartLook {
  text: string
  colours: string[]
}

export type Paint = (ctx: CanvasRenderingContext2D, box: ChartBox, look: ChartLook) => void

type Found = { node?: HTMLCanvasElement | null; width?: number; height?: number; color?: string; fontSize?: string }

/**
 * Finds a 2D canvas by id and the colours and text size of its legend, so a chart paints with the tokens
 * the page's styles give the legend; then sizes the canvas for the screen's pixels and paints. WeChat may
 * not have laid the canvas out on the first try. Where there is nothing to paint on (no node, no context,
 * no size: jsdom in tests) nothing is drawn, and the table under the chart says it all.
 */
export function paintCanvas(id: string, keys: readonly string[], paint: Paint, attempt = 0): void {
  // A query needs a loaded page (the browser build throws without one, as in the component tests).
  if (Taro.getCurrentPages().length === 0) return
  const query = Taro.createSelectorQuery()
  query.select(`#${id}`).node()
  query.select(`#${id}`).boundingClientRect()
  query.select(`#${id}-legend`).fields({ computedStyle: ['color', 'fontSize'] })
  for (const key of keys) query.select(`#${id}-key-${key}`).fields({ computedStyle: ['color'] })
  query.exec((found: Array<Found | null>) => {
    const [node, rect, legend, ...keyStyles] = found
    const canvas = node?.node
    const context = typeof canvas?.getContext === 'function' ? canvas.getContext('2d') : null
    if (!canvas || !context || !rect?.width || !rect.height) {
      if (attempt < 3) setTimeout(() => paintCanvas(id, keys, paint, attempt + 1), 100)
      return
    }
    const ratio = Taro.getWindowInfo?.().pixelRatio ?? 2
    canvas.width = rect.width * ratio
    canvas.height = rect.height * ratio
    context.scale(ratio, ratio)
    const text = legend?.color ?? ''
    const look = { text, colours: keyStyles.map((key) => key?.color || text) }
    paint(context, { width: rect.width, height: rect.height, fontSize: parseFloat(legend?.fontSize ?? '') || 17 }, look)
  })
}

/** A chart's text: what it draws is the font of its legend. */
export function setFont(ctx: CanvasRenderingContext2D, box: ChartBox, colour: string, bold = false): void {
  ctx.font = `${bold ? 'bold ' : ''}${box.fontSize}px sans-serif`
  ctx.fillStyle = colour
}
