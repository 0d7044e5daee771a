import { diffWords } from 'diff'
import type { ReportSnapshot } from './snapshot.ts'

/**
 * What a corrected version changed from the one before: figures whose value changed, narrative
 * word by word, table rows added and removed, sections added or removed.
 */
export interface Differences {
  figures: { section: string; label: string; before: string; after: string }[]
  narrative: { section: string; label: string; parts: { text: string; change: 'added' | 'removed' | null }[] }[]
  tables: { section: string; caption: string; added: string[]; removed: string[] }[]
  sections: { title: string; change: 'added' | 'removed' }[]
}

export function differences(before: ReportSnapshot, after: ReportSnapshot): Differences {
  const result: Differences = { figures: [], narrative: [], tables: [], sections: [] }
  const beforeSections = new Map(before.sections.map((s) => [s.name, s]))
  const afterNames = new Set(after.sections.map((s) => s.name))
  for (const section of before.sections)
    if (!afterNames.has(section.name)) result.sections.push({ title: section.title, change: 'removed' })
  for (const section of after.sections) {
    const old = beforeSections.get(section.name)
    if (!old) {
      result.sections.push({ title: section.title, change: 'added' })
      continue
    }
    const oldFigures = new Map(old.figures.map((f) => [f.name, f.display]))
    for (const figure of section.figures) {
      const was = oldFigures.get(figure.name)
      if (was !== undefined && was !== figure.display)
        result.figures.push({ section: section.title, label: figure.label, before: was, after: figure.display })
    }
    const oldNarrative = new Map(old.narrative.map((n) => [n.slot, n.resolved]))
    for (const slot of section.narrative) {
      const was = oldNarrative.get(slot.slot) ?? ''
      if (was === slot.resolved) continue
      result.narrative.push({
        section: section.title,
        label: slot.label,
        parts: diffWords(was, slot.resolved).map((part) => ({
          text: part.value,
          change: part.added ? 'added' : part.removed ? 'removed' : null,
        })),
      })
    }
    const oldTables = new Map(old.tables.map((t) => [t.caption, t]))
    for (const table of section.tables) {
      const was = oldTables.get(table.caption)
      const rowsBefore = new Set((was?.rows ?? []).map((r) => r.join(' | ')))
      const rowsAfter = new Set(table.rows.map((r) => r.join(' | ')))
      const added = [...rowsAfter].filter((r) => !rowsBefore.has(r))
      const removed = [...rowsBefore].filter((r) => !rowsAfter.has(r))
      if (added.length || removed.length)
        result.tables.push({ section: section.title, caption: table.caption, added, removed })
    }
  }
  return result
}

export function hasDifferences(d: Differences) {
  return d.figures.length + d.narrative.length + d.tables.length + d.sections.length > 0
}
