import type { Database } from '../../db/index.ts'
import { drawChart, type DrawnChart } from '../../platform/charts.ts'
import { computeFigure, type Figure } from '../../platform/figures.ts'
import { resolvePlaceholders } from '../../platform/markdown.ts'
import type { Registry } from '../../platform/modules.ts'
import { reportingYear, type ReportingYear } from '../../platform/reporting-years.ts'
import { startingText, type ReportTable } from '../../platform/sections.ts'

/**
 * A report's content for one moment: every figure computed, every section built, every chart
 * drawn, every placeholder resolved. A draft is assembled afresh on each view; approval stores
 * one as JSON (report_versions.content), which is then what the version says for ever.
 */
export interface ReportSnapshot {
  title: string
  year: { label: string; start: string; end: string }
  /** The subgroup's name for a subgroup report. */
  groupName: string | null
  sections: SnapshotSection[]
  /** Last year's value of every figure that has one, by figure name: years side by side. */
  previousYear: { label: string; figures: Record<string, string> }
  /** When it was assembled. */
  assembledAt: string
}

export interface SnapshotSection {
  name: string
  title: string
  figures: Figure[]
  narrative: {
    slot: string
    label: string
    hint: string | null
    required: boolean
    markdown: string
    resolved: string
  }[]
  tables: ReportTable[]
  charts: DrawnChart[]
  /** What stops approval: a figure whose source failed, an empty required slot, an unknown placeholder. */
  problems: string[]
}

export interface AssembleInput {
  title: string
  year: ReportingYear
  group: { id: string; name: string } | null
  /** Section names the report includes. */
  sections: readonly string[]
  /** Narrative by `section/slot`; a slot never saved says its starting text. */
  narrative: ReadonlyMap<string, string>
  /** Last year's figures by name (from its approved report, or computed): null to compute them. */
  previousFigures: Record<string, string> | null
}

/** Every registered figure for a partnership and year, in registration order. */
export async function computeAllFigures(db: Database, registry: Registry, partnershipId: string, year: ReportingYear) {
  return Promise.all(
    registry.figures.map(({ module, definition }) => computeFigure(db, module, definition, { partnershipId, year })),
  )
}

export async function assembleSnapshot(
  db: Database,
  registry: Registry,
  partnershipId: string,
  input: AssembleInput,
): Promise<ReportSnapshot> {
  const previous = reportingYear(input.year.startYear - 1, input.year.startMonth)
  const [figures, previousFigures] = await Promise.all([
    computeAllFigures(db, registry, partnershipId, input.year),
    input.previousFigures ??
      computeAllFigures(db, registry, partnershipId, previous).then((list) => figureDisplays(list)),
  ])
  const byName = new Map(figures.map((f) => [f.name, f]))
  const included = registry.sections.filter(
    (s) => input.sections.includes(s.name) && !(input.group && s.definition.inSubgroupReports === false),
  )
  const sections = await Promise.all(
    included.map(async ({ module, name, definition }): Promise<SnapshotSection> => {
      const context = { partnershipId, year: input.year, group: input.group }
      const content = await definition.build(db, context)
      const sectionFigures = definition.figures.map((key) => byName.get(`${module}.${key}`)!)
      const problems = [...(content.problems ?? [])]
      for (const figure of sectionFigures) if (figure.problem) problems.push(`${figure.label}: ${figure.problem}`)
      const written = await Promise.all(
        definition.narrative.map(
          async (slot) => input.narrative.get(`${name}/${slot.key}`) ?? (await startingText(db, slot, context)) ?? '',
        ),
      )
      const narrative = definition.narrative.map((slot, index) => {
        const markdown = written[index]!
        const resolved = resolvePlaceholders(markdown, byName)
        if (slot.required && !markdown.trim()) problems.push(`Write the “${slot.label}” narrative`)
        for (const unknown of new Set(resolved.unknown))
          problems.push(`The “${slot.label}” narrative names a figure that does not exist: ${unknown}`)
        for (const used of new Set(resolved.used)) {
          const problem = byName.get(used)?.problem
          if (problem && !definition.figures.some((key) => `${module}.${key}` === used))
            problems.push(`The “${slot.label}” narrative uses ${used}, whose source has a problem: ${problem}`)
        }
        return {
          slot: slot.key,
          label: slot.label,
          hint: slot.hint ?? null,
          required: slot.required,
          markdown,
          resolved: resolved.text,
        }
      })
      return {
        name,
        title: definition.title,
        figures: sectionFigures,
        narrative,
        tables: content.tables,
        charts: await Promise.all(content.charts.map((chart) => drawChart(chart))),
        problems,
      }
    }),
  )
  return {
    title: input.title,
    year: { label: input.year.label, start: input.year.start, end: input.year.end },
    groupName: input.group?.name ?? null,
    sections,
    previousYear: { label: previous.label, figures: previousFigures },
    assembledAt: new Date().toISOString(),
  }
}

/** Figure values as shown, by name: what a later year compares itself with. */
export function figureDisplays(figures: readonly Figure[]): Record<string, string> {
  return Object.fromEntries(figures.filter((f) => f.value !== null).map((f) => [f.name, f.display]))
}

export function snapshotProblems(snapshot: ReportSnapshot): { section: string; problem: string }[] {
  return snapshot.sections.flatMap((s) => s.problems.map((problem) => ({ section: s.title, problem })))
}
