import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { filterQuery, listView, pagination, readList, sortableHead, type Column } from './lists.ts'

const columns: Column<'name' | 'type' | 'people'>[] = [
  { key: 'name', text: 'Name' },
  { key: 'type', text: 'Type' },
  { key: null, text: 'Status' },
  { key: 'people', text: 'People', format: 'numeric' },
]

/** The query string of a head cell's link, as a plain object. */
function linkOf(cell: { html?: string }) {
  const href = cell.html?.match(/href="\?([^"]*)"/)?.[1]
  assert.ok(href !== undefined, `no link in ${cell.html}`)
  return Object.fromEntries(new URLSearchParams(href.replace(/&amp;/g, '&')))
}

describe('readList', () => {
  const list = {
    columns: [
      { key: 'name' as const, text: 'Name' },
      { key: 'type' as const, text: 'Type' },
      { key: null, text: 'Notes' },
    ],
    defaultSort: 'name' as const,
    pageSize: 50,
    noun: ['agency', 'agencies'] as [string, string],
  }
  it('takes a sort and direction the list declares, and the page as an offset', () => {
    assert.deepEqual(readList({ sort: 'type', direction: 'desc', page: '3' }, list), {
      sort: 'type',
      direction: 'desc',
      page: 3,
      limit: 50,
      offset: 100,
    })
  })
  it('ignores a column it does not declare, a nonsense direction and a nonsense page', () => {
    assert.deepEqual(readList({ sort: 'password_hash', direction: 'sideways', page: '-4' }, list), {
      sort: 'name',
      direction: 'asc',
      page: 1,
      limit: 50,
      offset: 0,
    })
  })
})

describe('sortableHead', () => {
  it('marks the sorted column for screen readers and the others as unsorted', () => {
    const head = sortableHead(columns, { sort: 'name', direction: 'desc' }, {})
    assert.deepEqual(
      head.map((cell) => cell.attributes?.['aria-sort'] ?? 'not sortable'),
      ['descending', 'none', 'not sortable', 'none'],
    )
    assert.deepEqual(sortableHead(columns, { sort: 'type', direction: 'asc' }, {})[1]!.attributes, {
      'aria-sort': 'ascending',
    })
  })

  it('flips the direction of the sorted column and sorts any other column ascending', () => {
    const ascending = sortableHead(columns, { sort: 'name', direction: 'asc' }, {})
    assert.deepEqual(linkOf(ascending[0]!), { sort: 'name', direction: 'desc' })
    assert.deepEqual(linkOf(ascending[1]!), { sort: 'type', direction: 'asc' })
    const descending = sortableHead(columns, { sort: 'name', direction: 'desc' }, {})
    assert.deepEqual(linkOf(descending[0]!), { sort: 'name', direction: 'asc' })
  })

  it('keeps the filters in its links, but starts again from the first page', () => {
    const head = sortableHead(
      columns,
      { sort: 'name', direction: 'asc' },
      { search: 'nhs trust', type: 'health', status: '', page: '3', sort: 'name', direction: 'asc' },
    )
    assert.deepEqual(linkOf(head[3]!), { search: 'nhs trust', type: 'health', sort: 'people', direction: 'asc' })
  })

  it('leaves a column without a key as plain text, keeping its format', () => {
    assert.deepEqual(sortableHead(columns, { sort: 'name', direction: 'asc' }, {})[2], {
      text: 'Status',
      format: undefined,
    })
    assert.equal(sortableHead(columns, { sort: 'name', direction: 'asc' }, {})[3]!.format, 'numeric')
  })

  it('escapes the column text and the filters it carries', () => {
    const [cell] = sortableHead(
      [{ key: 'name', text: 'Name <b>& "title"' }],
      { sort: 'name', direction: 'asc' },
      { search: '"><script>alert(1)</script>' },
    )
    assert.ok(cell?.html)
    assert.doesNotMatch(cell.html, /<script>|<b>/)
    assert.match(cell.html, />Name &lt;b&gt;&amp; &quot;title&quot;<\/a>$/)
    assert.equal(linkOf(cell).search, '"><script>alert(1)</script>')
  })
})

describe('filterQuery', () => {
  it('carries the filters and sort to the download link, without the page', () => {
    assert.equal(
      filterQuery({ search: 'police', type: '', page: '2', sort: 'name', direction: 'desc' }),
      '?search=police&sort=name&direction=desc',
    )
  })

  it('is empty when nothing is filtered', () => {
    assert.equal(filterQuery({ page: '4', status: '' }), '')
  })
})

describe('listView', () => {
  const list = {
    columns,
    defaultSort: 'name' as const,
    pageSize: 50,
    download: '/agencies.csv',
    noun: ['agency', 'agencies'] as [string, string],
  }
  const query = { type: 'police', page: '2' }
  const state = readList(query, list)

  it('links to the CSV download with the filters, and to an Excel one only when the list declares it', () => {
    const plain = listView(list, state, query, { total: 60, shown: 10 })
    assert.equal(plain.downloadHref, '/agencies.csv?type=police')
    assert.equal(plain.downloadXlsxHref, null)
    const both = listView({ ...list, downloadXlsx: '/agencies.xlsx' }, state, query, { total: 60, shown: 10 })
    assert.equal(both.downloadXlsxHref, '/agencies.xlsx?type=police')
    assert.equal(both.countText, 'Showing 51 to 60 of 60 agencies')
  })
})

describe('pagination', () => {
  it('is not shown when everything fits on one page', () => {
    assert.equal(pagination(1, 100, 100, {}), null)
    assert.equal(pagination(1, 100, 0, {}), null)
  })

  it('links to the next page, keeping the filters and sort', () => {
    const result = pagination(1, 100, 150, {
      search: 'nurse',
      agencyId: '',
      sort: 'name',
      direction: 'desc',
      page: '1',
    })
    assert.deepEqual(result, {
      previous: undefined,
      next: { href: '?search=nurse&sort=name&direction=desc&page=2' },
      items: [
        { number: 1, href: '?search=nurse&sort=name&direction=desc&page=1', current: true },
        { number: 2, href: '?search=nurse&sort=name&direction=desc&page=2', current: false },
      ],
    })
  })

  it('shows the first, last and nearby pages, with gaps between', () => {
    const result = pagination(10, 10, 200, {})!
    assert.equal(result.previous?.href, '?page=9')
    assert.equal(result.next?.href, '?page=11')
    assert.deepEqual(
      result.items.map((item) => ('ellipsis' in item ? '…' : item.current ? `[${item.number}]` : String(item.number))),
      ['1', '…', '8', '9', '[10]', '11', '12', '…', '20'],
    )
  })

  it('has no next link on the last page', () => {
    const result = pagination(3, 100, 201, {})!
    assert.equal(result.next, undefined)
    assert.deepEqual(
      result.items.map((item) => ('number' in item ? item.number : '…')),
      [1, 2, 3],
    )
  })
})
