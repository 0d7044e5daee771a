import { linkHtml } from '../html.ts'
import { renderMarkdown } from '../markdown.ts'
import type { Block, DocumentModel, FigureItem } from './model.ts'

/**
 * A DocumentModel as what the `appDocument` macro (document.njk) shows: Markdown already turned
 * into sanitised HTML, tables as GOV.UK table parameters, details as summary-list rows, and an id
 * for every heading and chart, so the template only loops and branches.
 */
export interface DocumentView {
  title: string
  subtitle: string[]
  blocks: BlockView[]
}

interface TableCell {
  text?: string
  html?: string
  format?: 'numeric'
}

export interface TableParams {
  caption: string
  captionClasses: string
  firstCellIsHeader: boolean
  head: TableCell[]
  rows: TableCell[][]
}

export type BlockView =
  | { type: 'heading'; level: 2 | 3 | 4; text: string; id: string }
  | { type: 'markdown'; html: string }
  /** Numbered paragraphs that follow one another, as one list that keeps the paper's numbers. */
  | { type: 'numbered'; paragraphs: { number: number; html: string }[] }
  | { type: 'figures'; table: TableParams }
  | { type: 'table'; table: TableParams }
  | { type: 'chart'; id: string; title: string; description: string; svg: string; table: TableParams }
  | { type: 'details'; rows: { key: { text: string }; value: { text: string } }[] }

export interface PresentOptions {
  /**
   * Prefixed to the figures' links ("https://hub.example"), for copies read away from the app
   * (the PDF); left out, links stay relative, as the app's own pages want them.
   */
  linkBase?: string
}

/** "Members by agency" → "members-by-agency"; a number added when the same words come twice. */
function idMaker() {
  const used = new Map<string, number>()
  return (text: string, wanted?: string) => {
    const base =
      wanted ||
      text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') ||
      'section'
    const count = (used.get(base) ?? 0) + 1
    used.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  }
}

function tableParams(caption: string, head: string[], rows: string[][], numericColumns: number[]): TableParams {
  const format = (index: number) => (numericColumns.includes(index) ? { format: 'numeric' as const } : {})
  return {
    caption,
    captionClasses: 'govuk-table__caption--s',
    firstCellIsHeader: false,
    head: head.map((text, index) => ({ text, ...format(index) })),
    rows: rows.map((row) => row.map((text, index) => ({ text, ...format(index) }))),
  }
}

function figuresTable(caption: string, items: FigureItem[], linkBase: string): TableParams {
  const hasPrevious = items.some((item) => item.previous !== undefined)
  const hasLinks = items.some((item) => item.link !== null)
  const head: TableCell[] = [
    { text: 'Figure' },
    { text: hasPrevious ? 'This year' : 'Value', format: 'numeric' },
    ...(hasPrevious ? [{ text: 'Last year', format: 'numeric' as const }] : []),
    ...(hasLinks ? [{ text: 'Records' }] : []),
  ]
  const rows = items.map((item) => [
    { text: item.label },
    { text: item.display, format: 'numeric' as const },
    ...(hasPrevious ? [{ text: item.previous ?? '', format: 'numeric' as const }] : []),
    ...(hasLinks
      ? [item.link ? { html: linkHtml(linkBase + item.link, 'See the records', `for ${item.label}`) } : { text: '' }]
      : []),
  ])
  return { caption, captionClasses: 'govuk-table__caption--s', firstCellIsHeader: true, head, rows }
}

/**
 * Charts come from platform/charts.ts, never from a person, but they are frozen as text in the
 * database: anything that could run or fetch is taken out before the SVG goes into a page.
 */
export function inertSvg(svg: string) {
  return (
    svg
      .replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/gi, '')
      .replace(/<(script|foreignObject|iframe|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(script|foreignObject|iframe|image|use|a)\b[^>]*\/?>/gi, '')
      .replace(/<\/(a|use|image)>/gi, '')
      .replace(/\s(on[a-z]+|href|xlink:href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      // The chart is one image, named by its title and description. Vega still marks the groups
      // inside it as unnamed graphics objects and symbols, which screen readers may announce one by
      // one and axe rightly fails (svg-img-alt); their roles go, the root svg's own role stays.
      .replace(/\s(role="graphics-[a-z]+"|aria-roledescription="[^"]*")/gi, '')
  )
}

function presentBlock(block: Block, idFor: ReturnType<typeof idMaker>, linkBase: string): BlockView {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', level: block.level, text: block.text, id: idFor(block.text, block.id) }
    case 'markdown':
      return { type: 'markdown', html: renderMarkdown(block.markdown) }
    case 'numbered':
      return { type: 'numbered', paragraphs: [{ number: block.number, html: renderMarkdown(block.markdown) }] }
    case 'figures':
      return { type: 'figures', table: figuresTable(block.caption, block.items, linkBase) }
    case 'table':
      return { type: 'table', table: tableParams(block.caption, block.head, block.rows, block.numericColumns) }
    case 'chart': {
      const { head, rows, numericColumns } = block.table
      return {
        type: 'chart',
        id: idFor(`chart ${block.title}`),
        title: block.title,
        description: block.description,
        svg: inertSvg(block.svg),
        table: tableParams(`${block.title}: the numbers`, head, rows, numericColumns),
      }
    }
    case 'details':
      return {
        type: 'details',
        rows: block.items.map((item) => ({ key: { text: item.label }, value: { text: item.value } })),
      }
  }
}

export function presentDocument(model: DocumentModel, options: PresentOptions = {}): DocumentView {
  const idFor = idMaker()
  const linkBase = (options.linkBase ?? '').replace(/\/$/, '')
  const blocks: BlockView[] = []
  for (const block of model.blocks) {
    const view = presentBlock(block, idFor, linkBase)
    const last = blocks.at(-1)
    if (view.type === 'numbered' && last?.type === 'numbered') last.paragraphs.push(...view.paragraphs)
    else blocks.push(view)
  }
  return { title: model.title, subtitle: model.subtitle, blocks }
}
