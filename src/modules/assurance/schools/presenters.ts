import { escapeHtml, linkHtml } from '../../../platform/html.ts'
import { activeTag } from '../../partnership/agencies/presenters.ts'
import { activeLabel } from '../../partnership/labels.ts'
import type { SchoolListRow } from './service.ts'

/** The schools list's rows and download. Pure. */

export function schoolRows(rows: SchoolListRow[]) {
  return rows.map((school) => [
    { text: school.urn ?? '' },
    { html: linkHtml(`/directory/agencies/${school.id}`, school.name) },
    { html: leadHtml(school) },
    { html: activeTag(school.active) },
  ])
}

function leadHtml(school: SchoolListRow) {
  if (!school.dslName) return 'None recorded'
  const name = escapeHtml(school.dslName)
  return school.dslEmail ? `${name}<br>${linkHtml(`mailto:${school.dslEmail}`, school.dslEmail)}` : name
}

/** The download: the lead's email only for those who may see it (`emailShown`, the same on every row). */
export function schoolCsv(rows: SchoolListRow[]) {
  const withEmail = rows[0]?.emailShown ?? false
  return [
    ['URN', 'School name', 'Designated safeguarding lead', ...(withEmail ? ['DSL email'] : []), 'Status'],
    ...rows.map((school) => [
      school.urn ?? '',
      school.name,
      school.dslName ?? '',
      ...(withEmail ? [school.dslEmail ?? ''] : []),
      activeLabel(school.active),
    ]),
  ]
}
