import type { Block, DocumentModel } from '../../platform/documents/model.ts'
import { formatDate } from '../../platform/views.ts'
import type { ReportSnapshot } from './snapshot.ts'

/** A report's snapshot as a document: what the page, the DOCX and the PDF all show. */
export function reportDocument(snapshot: ReportSnapshot, status: string): DocumentModel {
  const blocks: Block[] = []
  for (const section of snapshot.sections) {
    blocks.push({ type: 'heading', level: 2, text: section.title, id: anchorFor(section.name) })
    section.narrative.forEach((slot, index) => {
      if (!slot.resolved.trim()) return
      if (index > 0) blocks.push({ type: 'heading', level: 3, text: slot.label })
      blocks.push({ type: 'markdown', markdown: slot.resolved })
    })
    if (section.figures.length)
      blocks.push({
        type: 'figures',
        caption: `${section.title}: figures for ${snapshot.year.label}`,
        items: section.figures.map((figure) => {
          const previous = snapshot.previousYear.figures[figure.name]
          return {
            name: figure.name,
            label: figure.label,
            display: figure.display,
            ...(previous !== undefined && previous !== figure.display && { previous }),
            link: figure.link,
          }
        }),
      })
    for (const table of section.tables)
      blocks.push({
        type: 'table',
        caption: table.caption,
        head: table.head,
        rows: table.rows.map((row) => row.map(String)),
        numericColumns: table.numericColumns ?? [],
      })
    for (const chart of section.charts) blocks.push({ type: 'chart', ...chart })
  }
  return {
    title: snapshot.title,
    subtitle: [`${formatDate(snapshot.year.start)} to ${formatDate(snapshot.year.end)}`, status],
    blocks,
  }
}

/** The section's id in the page: "partnership.structure" → "section-partnership-structure". */
export function anchorFor(sectionName: string) {
  return `section-${sectionName.replace(/\./g, '-')}`
}
