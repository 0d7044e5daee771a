import { keptLately } from '../kept-lately.ts'
import { withOfflinePage } from './chromium.ts'

/**
 * Word shows a chart from its SVG, but a .docx must carry a bitmap copy for programs that cannot
 * (older Word, some viewers and converters). No rasteriser in Node draws SVG without native
 * add-ons, and vega's PNG output needs node-canvas, so the browser that prints the PDF draws it.
 */
export type SvgRasteriser = (svg: string, size: { width: number; height: number }) => Promise<Buffer>

/** The size an SVG asks for (its width and height, or its viewBox), in CSS pixels. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = svg.match(/<svg\b[^>]*>/i)?.[0] ?? ''
  const attribute = (name: string) =>
    Number.parseFloat(open.match(new RegExp(`\\s${name}="([\\d.]+)(px)?"`))?.[1] ?? '')
  const viewBox = open.match(/viewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/)
  const width = attribute('width') || Number(viewBox?.[1]) || 600
  const height = attribute('height') || Number(viewBox?.[2]) || 400
  return { width, height }
}

/** PNGs drawn lately, by their SVG and size: a report's Word file carries the same charts each time. */
const drawnLately = keptLately<Buffer>(100)

/** A PNG of the SVG at twice its size, on white, drawn by headless Chromium (or the one drawn lately). */
export const chromiumRasteriser: SvgRasteriser = (svg, size) =>
  drawnLately(`${size.width}x${size.height} ${svg}`, () => drawPng(svg, size))

const drawPng: SvgRasteriser = (svg, { width, height }) =>
  withOfflinePage(
    async (page) => {
      const w = Math.ceil(width)
      const h = Math.ceil(height)
      await page.setContent(
        `<!DOCTYPE html><html><head><style>body { margin: 0; background: #fff }` +
          ` svg { display: block; width: 100%; height: 100% }</style></head><body>` +
          `<div style="width:${w}px;height:${h}px">${svg}</div></body></html>`,
        { waitUntil: 'load' },
      )
      return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: w, height: h } })
    },
    { viewport: { width: Math.ceil(width), height: Math.ceil(height) }, deviceScaleFactor: 2 },
  )
