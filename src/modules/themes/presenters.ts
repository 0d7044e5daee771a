import { linkHtml, tagHtml } from '../../platform/html.ts'
import { formatDate } from '../../platform/views.ts'

/** Themes as the parameters of GOV.UK macros, and as CSV. Pure, so tested without HTTP. */

export const themeStatusLabel = (active: boolean) => (active ? 'Active' : 'Retired')

export const themeStatusTag = (active: boolean) => tagHtml(themeStatusLabel(active), active ? 'green' : 'grey')

interface ThemeRow {
  id: string
  name: string
  description: string | null
  active: boolean
  updatedAt: Date
}

export function themeRows(rows: ThemeRow[]) {
  return rows.map((t) => [
    { html: linkHtml(`/themes/${t.id}`, t.name) },
    { text: t.description ?? '' },
    { html: themeStatusTag(t.active) },
    { text: formatDate(t.updatedAt) },
  ])
}

export function themeCsv(rows: ThemeRow[]) {
  return [
    ['Name', 'Description', 'Status', 'Last changed'],
    ...rows.map((t) => [t.name, t.description ?? '', themeStatusLabel(t.active), formatDate(t.updatedAt)]),
  ]
}

export function themeSummary(theme: ThemeRow) {
  return [
    { key: { text: 'Name' }, value: { text: theme.name } },
    { key: { text: 'Description' }, value: { text: theme.description || 'None given' } },
    {
      key: { text: 'Status' },
      value: {
        text: theme.active
          ? 'Active: offered when records are tagged'
          : 'Retired: kept on the records that have it, not offered for new ones',
      },
    },
  ]
}

export const statusFilterItems = [
  { value: '', text: 'Any' },
  { value: 'active', text: 'Active' },
  { value: 'retired', text: 'Retired' },
]
