import * as vega from 'vega'

/**
 * How wide text is, without a canvas. Vega measures text with node-canvas when it is installed and
 * otherwise guesses 0.8 × the font size per character, which is nearly twice Arial's average and
 * cuts agency names short. This estimate uses Arial's character widths, scaled up a little
 * because the system fonts the chart names first (Segoe UI, Roboto, San Francisco) may set wider; over-estimating only costs
 * some white space, under-estimating would overlap labels. It is the same on every machine, so the
 * same chart is always the same SVG (docs/decisions/0013-charts-vega-lite-on-the-server.md).
 */
const widths: [characters: string, perMille: number][] = [
  ["ijl'|", 222],
  [' ftI.,:;!/\\[]', 278],
  ['r-()`', 333],
  ['"', 355],
  ['ckvxyzJs*', 500],
  ['abdeghnopqu0123456789£$#?_', 556],
  ['<>=+~^', 584],
  ['FTZ', 611],
  ['ABEKPSVXY&', 667],
  ['wCDHNRU', 722],
  ['GOQ', 778],
  ['mM', 833],
  ['%', 889],
  ['W', 944],
  ['…—@', 1000],
]
const widthOf = new Map<string, number>(widths.flatMap(([chars, w]) => [...chars].map((c) => [c, w] as const)))
const fallback = 600
const wider = 1.1

/** The width in pixels of one line of text at this font size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let total = 0
  for (const c of text) total += widthOf.get(c) ?? fallback
  return Math.ceil((total / 1000) * fontSize * wider * (bold ? 1.1 : 1))
}

interface TextItem {
  fontSize?: number
  fontWeight?: string | number
  limit?: number
}

let installed = false

/** Makes Vega use textWidth for every chart in this process. */
export function useEstimatedTextWidths() {
  if (installed) return
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics
  metrics.width = (item, text) => {
    const size = item.fontSize ?? 11
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600
    const width = textWidth(text === null || text === undefined ? '' : String(text).trim(), size, bold)
    // A label longer than its limit is drawn truncated to the limit.
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width
  }
  installed = true
}

/**
 * A label in lines no wider than `room`, breaking between words; null when a word alone is wider.
 */
export function wrapLabel(text: string, room: number, fontSize: number): string[] | null {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (textWidth(word, fontSize) > room) return null
    const last = lines.at(-1)
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= room)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}
