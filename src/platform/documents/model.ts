/**
 * A document as blocks: what the reports module assembles, freezes as JSON when a version is
 * approved, and what the HTML, DOCX and PDF renderers (this folder) turn into files. Everything
 * in it is final text: figures already computed, placeholders already resolved, charts already
 * drawn, so a frozen document renders the same forever.
 */
export interface DocumentModel {
  /** "Oxfordshire Safeguarding Children Board annual report 2016/17". */
  title: string
  /** Lines shown under the title: "1 April 2016 to 31 March 2017", "Approved 5 September 2017". */
  subtitle: string[]
  blocks: Block[]
}

export type Block =
  | { type: 'heading'; level: 2 | 3 | 4; text: string; id?: string }
  /** Narrative: Markdown written by officers, rendered through the sanitiser (platform/markdown.ts). */
  | { type: 'markdown'; markdown: string }
  /** A numbered paragraph of a committee paper; `markdown` as above. */
  | { type: 'numbered'; number: number; markdown: string }
  | { type: 'figures'; caption: string; items: FigureItem[] }
  | { type: 'table'; caption: string; head: string[]; rows: string[][]; numericColumns: number[] }
  /** A drawn chart: `svg` from platform/charts.ts, `table` the same numbers, `description` its text alternative. */
  | {
      type: 'chart'
      title: string
      description: string
      svg: string
      table: { head: string[]; rows: string[][]; numericColumns: number[] }
    }
  /** Label and value pairs: a paper's author, contact officer, background papers. */
  | { type: 'details'; items: { label: string; value: string }[] }

export interface FigureItem {
  /** `module.key`. */
  name: string
  label: string
  display: string
  /** Last year's value, shown beside this year's when it differs (years side by side). */
  previous?: string
  /** Where the records behind it are listed; relative to the app. */
  link: string | null
}
