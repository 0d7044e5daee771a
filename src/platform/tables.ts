/**
 * Sortable, filterable lists that work without JavaScript: column headings are links that
 * sort on the server, and carry aria-sort for screen readers.
 */
export interface SortState {
  sort: string
  direction: 'asc' | 'desc'
}

export function readSort<T extends string>(
  query: Record<string, unknown>,
  allowed: readonly T[],
  fallback: T,
): { sort: T; direction: 'asc' | 'desc' } {
  const sort = allowed.includes(query.sort as T) ? (query.sort as T) : fallback
  const direction = query.direction === 'desc' ? 'desc' : 'asc'
  return { sort, direction }
}

/** Table head cells whose links flip the direction of the current column and keep the filters. */
export function sortableHead(
  columns: { key: string | null; text: string; format?: string }[],
  state: SortState,
  query: Record<string, unknown>,
) {
  return columns.map((column) => {
    if (!column.key) return { text: column.text, format: column.format }
    const current = state.sort === column.key
    const direction = current && state.direction === 'asc' ? 'desc' : 'asc'
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (typeof value === 'string' && value && !['sort', 'direction', 'page'].includes(key)) params.set(key, value)
    }
    params.set('sort', column.key)
    params.set('direction', direction)
    return {
      html: `<a class="govuk-link app-sort-link" href="?${escapeAttribute(params.toString())}">${escapeAttribute(column.text)}</a>`,
      format: column.format,
      attributes: { 'aria-sort': current ? (state.direction === 'asc' ? 'ascending' : 'descending') : 'none' },
    }
  })
}

/** An ILIKE pattern for text containing `text`, its own % and _ taken literally. */
export function containing(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The query string of the current filters, for the download link. */
export function filterQuery(query: Record<string, unknown>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value && key !== 'page') params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** GOV.UK pagination parameters: previous, next, first, last and two either side, keeping the filters. */
export function pagination(page: number, pageSize: number, total: number, query: Record<string, unknown>) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const href = (n: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query))
      if (typeof value === 'string' && value && key !== 'page') params.set(key, value)
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

function escapeAttribute(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
