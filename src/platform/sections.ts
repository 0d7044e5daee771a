import type { Database } from '../db/index.ts'
import type { ReportingYear } from './reporting-years.ts'

/**
 * The report section contract. A module contributes sections to the annual report and to
 * subgroup reports through `sections` in its definition; the reports module asks each for its
 * content for a year and never needs editing when a module adds one.
 */
export interface SectionDefinition {
  /** kebab-case, unique within its module; the section's name is `module.key`. */
  key: string
  title: string
  /** Where it comes in the report: lower first. The partnership's own section is 10. */
  order: number
  /** false: the section belongs in the annual report only, and a subgroup's report leaves it out. Default true. */
  inSubgroupReports?: boolean
  /** Keys of the module's figures the section shows, in order. */
  figures: string[]
  /** The narrative slots officers write, each in Markdown. */
  narrative: NarrativeSlot[]
  /** Tables and charts from the records; `group` set when the report is a subgroup's. */
  build: (db: Database, context: SectionContext) => Promise<SectionContent>
}

export interface NarrativeSlot {
  /** kebab-case, unique within the section. */
  key: string
  /** "Introduction", "Changes during the year". */
  label: string
  /** What to write, shown under the label in the editor. */
  hint?: string
  /** A report cannot be approved while a required slot is empty. */
  required: boolean
  /**
   * Where the narrative starts before anyone has written the slot, in Markdown with figure
   * placeholders: a report (and the cabinet paper drafted from it) says it until an officer saves
   * the slot, even as empty. A function drafts it for the report's year from the records, so a
   * year with none of something says so in words rather than "0 of 0"; every number in what it
   * returns is still a placeholder.
   */
  starting?: string | ((db: Database, context: SectionContext) => Promise<string>)
}

/** A slot's starting text for a report (undefined when it has none). */
export async function startingText(db: Database, slot: NarrativeSlot, context: SectionContext) {
  return typeof slot.starting === 'function' ? slot.starting(db, context) : slot.starting
}

export interface SectionContext {
  partnershipId: string
  year: ReportingYear
  /** The subgroup whose report this is; null for the annual report. */
  group: { id: string; name: string } | null
}

export interface SectionContent {
  tables: ReportTable[]
  charts: ChartInput[]
  /** Problems in the section's sources, in plain English; each blocks approval. */
  problems?: string[]
}

export interface ReportTable {
  caption: string
  head: string[]
  rows: (string | number)[][]
  /** Columns holding numbers (right-aligned); by index. */
  numericColumns?: number[]
}

/**
 * A chart as data; platform/charts.ts draws it as SVG (Vega-Lite) and always shows the same
 * numbers as a table beside it, with `description` as its text alternative.
 */
export interface ChartInput {
  title: string
  /** The text alternative: what the chart shows, in a sentence or two. */
  description: string
  kind: 'bar' | 'grouped-bar' | 'line'
  categoryLabel: string
  valueLabel: string
  /** For grouped bars and lines with several series: what the series are ("Year", "Area"). */
  seriesLabel?: string
  data: { category: string; value: number; series?: string }[]
}
