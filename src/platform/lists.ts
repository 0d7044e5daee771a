import { and, ilike, or, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { escapeHtml } from './html.ts'

/**
 * The list-page kit. A list declares its columns (which sort), its page size and its download;
 * `readList` reads page, sort and direction from the query string against that declaration, and
 * `listView` returns what the list macros (src/views/macros/lists.njk) take: a sortable table
 * head with aria-sort, GOV.UK pagination, the "showing" line and the download link, every link
 * keeping the filters. Lists sort and page on the server, so they work without JavaScript and
 * a sort covers the whole list and its download (docs/decisions/0003).
 */

/** Query strings as the platform parses them: one string per name (a repeated name keeps its first value). */
export type Query = Record<string, string>

export interface Column<S extends string> {
  /** The sort key, or null for a column that does not sort. */
  key: S | null
  text: string
  format?: 'numeric'
}

export interface ListDefinition<S extends string> {
  columns: readonly Column<S>[]
  defaultSort: S
  defaultDirection?: 'asc' | 'desc'
  /** Rows a page; unset for lists short enough to show whole. */
  pageSize?: number
  /** The path of the list's CSV download; the current filters and sort are added. */
  download?: string
  /** The path of the same rows as an Excel workbook (XLSX), beside the CSV: for lists people work on in a spreadsheet. */
  downloadXlsx?: string
  /** "person" / "people", for the count line. */
  noun: [singular: string, plural: string]
}

export interface ListState<S extends string> {
  sort: S
  direction: 'asc' | 'desc'
  page: number
  limit: number | undefined
  offset: number
}

export function readList<S extends string>(query: Query, list: ListDefinition<S>): ListState<S> {
  const sorts = list.columns.map((c) => c.key).filter((key): key is S => key !== null)
  const sort = sorts.includes(query.sort as S) ? (query.sort as S) : list.defaultSort
  const direction =
    query.direction === 'desc' || query.direction === 'asc' ? query.direction : (list.defaultDirection ?? 'asc')
  const page = list.pageSize ? Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? '1', 10) || 1)) : 1
  return {
    sort,
    direction,
    page,
    limit: list.pageSize,
    offset: list.pageSize ? (page - 1) * list.pageSize : 0,
  }
}

/** Everything the list macros need, for one page of `total` rows. */
export function listView<S extends string>(
  list: ListDefinition<S>,
  state: ListState<S>,
  query: Query,
  counts: { total: number; shown: number },
) {
  const from = counts.total ? state.offset + 1 : 0
  const to = state.offset + counts.shown
  const [singular, plural] = list.noun
  // "1,234", as GOV.UK writes numbers.
  const n = (value: number) => value.toLocaleString('en-GB')
  return {
    head: sortableHead(list.columns, state, query),
    pagination: list.pageSize ? pagination(state.page, list.pageSize, counts.total, query) : null,
    total: counts.total,
    countText: !counts.total
      ? null
      : list.pageSize
        ? `Showing ${n(from)} to ${n(to)} of ${n(counts.total)} ${plural}`
        : `${n(counts.total)} ${counts.total === 1 ? singular : plural}`,
    downloadHref: list.download ? `${list.download}${filterQuery(query)}` : null,
    downloadXlsxHref: list.downloadXlsx ? `${list.downloadXlsx}${filterQuery(query)}` : null,
    filter: query,
  }
}

/** Table head cells whose links flip the direction of the current column and keep the filters. */
export function sortableHead<S extends string>(
  columns: readonly Column<S>[],
  state: { sort: S; direction: 'asc' | 'desc' },
  query: Query,
) {
  return columns.map((column) => {
    if (!column.key) return { text: column.text, format: column.format }
    const current = state.sort === column.key
    const direction = current && state.direction === 'asc' ? 'desc' : 'asc'
    const params = keptParams(query, ['sort', 'direction', 'page'])
    params.set('sort', column.key)
    params.set('direction', direction)
    return {
      html: `<a class="govuk-link app-sort-link" href="?${escapeHtml(params.toString())}">${escapeHtml(column.text)}</a>`,
      format: column.format,
      attributes: { 'aria-sort': current ? (state.direction === 'asc' ? 'ascending' : 'descending') : 'none' },
    }
  })
}

function keptParams(query: Query, without: string[]) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value && !without.includes(key)) params.set(key, value)
  return params
}

/** The query string of the current filters and sort, without the page: for download links. */
export function filterQuery(query: Query) {
  const text = keptParams(query, ['page']).toString()
  return text ? `?${text}` : ''
}

/** GOV.UK pagination parameters: previous, next, first, last and two either side, keeping the filters. */
export function pagination(page: number, pageSize: number, total: number, query: Query) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const href = (n: number) => {
    const params = keptParams(query, ['page'])
    params.set('page', String(n))
    return `?${params.toString()}`
  }
  if (pages === 1) return null
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => i + 1)
      .filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2)
      .flatMap((n, i, all) =>
        i > 0 && n - all[i - 1]! > 1
          ? [{ ellipsis: true }, { number: n, href: href(n), current: n === page }]
          : [{ number: n, href: href(n), current: n === page }],
      ),
  }
}

// ---------------------------------------------------------------- reading filters

/** A search box's text: trimmed, at most 200 characters, undefined when empty. */
export function searchText(value: string | undefined) {
  return value?.trim().slice(0, 200) || undefined
}

/** One of a fixed list of values, or undefined. */
export function oneOf<const T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value)
}

/** An ILIKE pattern for text containing `text`, its own % and _ taken literally. */
export function containing(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Every word of the search in one of the columns, in any order: "lyons kate" finds
 * "Detective Superintendent Kate Lyons".
 */
export function matchesWords(search: string, columns: PgColumn[]): SQL | undefined {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 8)
  return and(...words.map((word) => or(...columns.map((column) => ilike(column, containing(word))))))
}
