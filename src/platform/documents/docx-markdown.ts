import { BorderStyle, ExternalHyperlink, HeadingLevel, Paragraph, type ParagraphChild, type Table, TextRun } from 'docx'
import { markdownTokens } from '../markdown.ts'
import { docxTable } from './docx-table.ts'

/**
 * Officers' Markdown as Word paragraphs, from the same parser the web page uses (markdownTokens),
 * so both say the same: paragraphs, headings (3 and below, as on the page), bullet and numbered
 * lists, bold, italic, links (web and email only, as the sanitiser allows), quotes indented,
 * code in a fixed-width font and tables with a header row. Raw HTML is text already (the parser
 * runs with `html: false`), and images are left out, as the sanitiser leaves them out of the page.
 */
type Token = ReturnType<typeof markdownTokens>[number]

/** Numbered lists each count from their own start; Word needs a numbering definition per start. */
export class ListNumbering {
  readonly starts = new Set<number>([1])
  private instances = 0
  next(start: number) {
    this.starts.add(start)
    return { reference: `ordered-from-${start}`, instance: ++this.instances }
  }
}

export interface MarkdownOptions {
  numbering: ListNumbering
  /** Runs before the first paragraph's text: a committee paper's "3" and a tab. */
  prefix?: ParagraphChild[]
  /** Left indent of every paragraph, in twentieths of a point (a hanging number sits in it). */
  indent?: number
}

const headingLevels = {
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_4,
  h5: HeadingLevel.HEADING_5,
  h6: HeadingLevel.HEADING_6,
} as const
const step = 720 // half an inch

const safeLink = (href: string) => /^(https?:|mailto:)/i.test(href)

/** The inline tokens of one paragraph or cell as runs and links. */
export function inlineRuns(children: Token[] | null): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let bold = 0
  let italics = 0
  let strike = 0
  let link: { href: string; runs: TextRun[] } | null = null
  const push = (run: TextRun) => (link ? link.runs.push(run) : out.push(run))
  const text = (value: string, extra: { font?: string; break?: number } = {}) =>
    push(
      new TextRun({
        text: value,
        bold: bold > 0,
        italics: italics > 0,
        strike: strike > 0,
        ...(link && safeLink(link.href) ? { style: 'Hyperlink' } : {}),
        ...extra,
      }),
    )
  for (const token of children ?? []) {
    if (token.type === 'text') text(token.content)
    else if (token.type === 'code_inline') text(token.content, { font: 'Courier New' })
    else if (token.type === 'softbreak') text(' ')
    else if (token.type === 'hardbreak') text('', { break: 1 })
    else if (token.type === 'strong_open') bold++
    else if (token.type === 'strong_close') bold--
    else if (token.type === 'em_open') italics++
    else if (token.type === 'em_close') italics--
    else if (token.type === 's_open') strike++
    else if (token.type === 's_close') strike--
    else if (token.type === 'link_open') link = { href: String(token.attrGet('href') ?? ''), runs: [] }
    else if (token.type === 'link_close' && link) {
      const { href, runs } = link
      link = null
      if (safeLink(href)) out.push(new ExternalHyperlink({ link: href, children: runs }))
      else out.push(...runs)
    }
  }
  return out
}

/** Finds the token that closes the one at `start` (same nesting depth). */
function closing(tokens: Token[], start: number) {
  let depth = 0
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]!.nesting
    if (depth === 0) return i
  }
  return tokens.length - 1
}

function markdownTable(tokens: Token[]): Table {
  const rows: { header: boolean; cells: ParagraphChild[][]; right: boolean[] }[] = []
  let inHead = false
  for (const token of tokens) {
    if (token.type === 'thead_open') inHead = true
    else if (token.type === 'thead_close') inHead = false
    else if (token.type === 'tr_open') rows.push({ header: inHead, cells: [], right: [] })
    else if (token.type === 'th_open' || token.type === 'td_open')
      rows.at(-1)!.right.push(String(token.attrGet('style') ?? '').includes('right'))
    else if (token.type === 'inline' && rows.length) rows.at(-1)!.cells.push(inlineRuns(token.children))
  }
  return docxTable(rows)
}

export function markdownToDocx(markdown: string, options: MarkdownOptions): (Paragraph | Table)[] {
  const tokens = markdownTokens(markdown)
  const out: (Paragraph | Table)[] = []
  const lists: { ordered: boolean; ref?: { reference: string; instance: number } }[] = []
  const base = options.indent ?? 0
  let prefix = options.prefix
  let quotes = 0
  let itemStarting = false

  const paragraph = (children: ParagraphChild[], extra: Record<string, unknown> = {}) => {
    const list = lists.at(-1)
    const level = lists.length - 1
    let placement: Record<string, unknown> = {}
    if (list && itemStarting) {
      placement = list.ordered ? { numbering: { ...list.ref!, level } } : { bullet: { level } }
    } else if (list || quotes || base) {
      placement = { indent: { left: base + step * (lists.length + quotes) } }
    }
    if (prefix) {
      children = [...prefix, ...children]
      placement = { indent: { left: base, hanging: base } }
      prefix = undefined
    }
    itemStarting = false
    out.push(new Paragraph({ children, ...placement, ...extra }))
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    switch (token.type) {
      case 'heading_open': {
        const level = headingLevels[token.tag as keyof typeof headingLevels] ?? HeadingLevel.HEADING_6
        paragraph(inlineRuns(tokens[i + 1]!.children), { heading: level })
        i = closing(tokens, i)
        break
      }
      case 'paragraph_open':
        paragraph(inlineRuns(tokens[i + 1]!.children))
        i = closing(tokens, i)
        break
      case 'bullet_list_open':
        lists.push({ ordered: false })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, ref: options.numbering.next(Number(token.attrGet('start') ?? 1)) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open':
        itemStarting = true
        break
      case 'blockquote_open':
        quotes++
        break
      case 'blockquote_close':
        quotes--
        break
      case 'code_block':
      case 'fence':
        for (const line of token.content.replace(/\n$/, '').split('\n'))
          paragraph([new TextRun({ text: line, font: 'Courier New' })])
        break
      case 'hr':
        paragraph([], { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B1B4B6', space: 1 } } })
        break
      case 'table_open': {
        const end = closing(tokens, i)
        out.push(markdownTable(tokens.slice(i, end + 1)))
        i = end
        break
      }
    }
  }
  if (prefix) out.unshift(new Paragraph({ children: prefix, indent: { left: base, hanging: base } }))
  return out
}
