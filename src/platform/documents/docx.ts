import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  type Table,
  Tab,
  TextRun,
} from 'docx'
import { ChromiumMissingError } from './chromium.ts'
import { ListNumbering, markdownToDocx } from './docx-markdown.ts'
import { textTable, textWidth } from './docx-table.ts'
import type { Block, DocumentModel, FigureItem } from './model.ts'
import { inertSvg } from './presenter.ts'
import { chromiumRasteriser, svgSize, type SvgRasteriser } from './raster.ts'

/**
 * A DocumentModel as a Word document people can edit: the title as Heading 1 and the document's
 * headings as Heading 2 to 4 (so Word's navigation pane and a screen reader's heading list work),
 * tables with a marked header row, charts as images with alt text and always followed by their
 * numbers, numbered paragraphs as "3<tab>text" with a hanging indent, so the paper's numbers stay
 * the ones in the model when someone edits around them.
 */
export interface DocxOptions {
  /** The app's address: figures then link to their records ("See the records"); left out, no link column. */
  linkBase?: string
  /**
   * Draws the PNG copy Word needs beside a chart's SVG. Default: headless Chromium. Null, or no
   * Chromium, leaves the image out with a sentence saying so; the description and table stay.
   */
  rasterise?: SvgRasteriser | null
}

type Part = Paragraph | Table

const headingLevels = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const
const hanging = 720

function figuresTable(caption: string, items: FigureItem[], linkBase: string | undefined): Part[] {
  const hasPrevious = items.some((item) => item.previous !== undefined)
  const withLinks = linkBase !== undefined && items.some((item) => item.link !== null)
  const head = [
    'Figure',
    hasPrevious ? 'This year' : 'Value',
    ...(hasPrevious ? ['Last year'] : []),
    ...(withLinks ? ['Records'] : []),
  ]
  const rows = items.map((item): (string | ParagraphChild)[] => [
    item.label,
    item.display,
    ...(hasPrevious ? [item.previous ?? ''] : []),
    ...(withLinks
      ? [
          item.link
            ? new ExternalHyperlink({
                link: linkBase!.replace(/\/$/, '') + item.link,
                children: [new TextRun({ text: 'See the records', style: 'Hyperlink' })],
              })
            : '',
        ]
      : []),
  ])
  return textTable(caption, head, rows, hasPrevious ? [1, 2] : [1])
}

/** SVG inside a .docx is read as a standalone file, which needs its namespace. */
function standaloneSvg(svg: string) {
  const inert = inertSvg(svg).trim()
  return /<svg\b[^>]*\sxmlns=/i.test(inert)
    ? inert
    : inert.replace(/<svg\b/i, '<svg xmlns="http://www.w3.org/2000/svg"')
}

async function chartParts(block: Extract<Block, { type: 'chart' }>, rasterise: SvgRasteriser | null) {
  const svg = standaloneSvg(block.svg)
  const size = svgSize(svg)
  let png: Buffer | null = null
  if (rasterise) {
    try {
      png = await rasterise(svg, size)
    } catch (error) {
      if (!(error instanceof ChromiumMissingError)) throw error
    }
  }
  // Wider than the page's text is scaled down to fit; ImageRun sizes are CSS pixels (96 an inch).
  const scale = Math.min(1, ((textWidth / 1440) * 96) / size.width)
  const image = png
    ? new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(svg),
            fallback: { type: 'png', data: png },
            transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
            altText: { title: block.title, description: block.description, name: block.title },
          }),
        ],
      })
    : new Paragraph({
        children: [
          new TextRun({
            text: 'The chart is not included in this copy; its numbers are in the table below.',
            italics: true,
          }),
        ],
      })
  const { head, rows, numericColumns } = block.table
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.title)] }),
    image,
    new Paragraph({ children: [new TextRun(block.description)] }),
    ...textTable(`${block.title}: the numbers`, head, rows, numericColumns),
  ]
}

function blockParts(block: Block, numbering: ListNumbering, options: DocxOptions): Part[] | Promise<Part[]> {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: [new TextRun(block.text)] })]
    case 'markdown':
      return markdownToDocx(block.markdown, { numbering })
    case 'numbered':
      return markdownToDocx(block.markdown, {
        numbering,
        prefix: [new TextRun({ text: `${block.number}.` }), new TextRun({ children: [new Tab()] })],
        indent: hanging,
      })
    case 'figures':
      return figuresTable(block.caption, block.items, options.linkBase)
    case 'table':
      return textTable(block.caption, block.head, block.rows, block.numericColumns)
    case 'chart':
      return chartParts(block, options.rasterise === undefined ? chromiumRasteriser : options.rasterise)
    case 'details':
      return block.items.map(
        (item) =>
          new Paragraph({ children: [new TextRun({ text: `${item.label}: `, bold: true }), new TextRun(item.value)] }),
      )
  }
}

const font = 'Arial'
const heading = (size: number) => ({
  run: { font, size, bold: true, color: '0B0C0C' },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
})

function orderedNumbering(start: number) {
  return {
    reference: `ordered-from-${start}`,
    levels: [0, 1, 2, 3].map((level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: hanging * (level + 1), hanging: 360 } } },
    })),
  }
}

export async function renderDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> {
  const numbering = new ListNumbering()
  // Charts are drawn concurrently (the browser takes two at a time); everything else is immediate.
  const parts = (await Promise.all(model.blocks.map((block) => blockParts(block, numbering, options)))).flat()
  const document = new Document({
    title: model.title,
    description: model.subtitle.join('. '),
    creator: 'Safeguarding Partnership Hub',
    lastModifiedBy: 'Safeguarding Partnership Hub',
    styles: {
      default: {
        document: {
          run: { font, size: 22, color: '0B0C0C', language: { value: 'en-GB' } },
          paragraph: { spacing: { after: 160, line: 276 } },
        },
        heading1: heading(44),
        heading2: heading(34),
        heading3: heading(28),
        heading4: heading(24),
        heading5: heading(22),
        heading6: heading(22),
        caption: {
          run: { font, size: 22, bold: true, italics: false, color: '0B0C0C' },
          paragraph: { keepNext: true },
        },
        hyperlink: { run: { color: '1D70B8', underline: {} } },
      },
    },
    numbering: { config: [...numbering.starts].map(orderedNumbering) },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(model.title)] }),
          ...model.subtitle.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 28 })] })),
          ...parts,
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
