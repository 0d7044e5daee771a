import { monthNames } from '../../../platform/views.ts'

/** The partnership's details as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export function monthItems() {
  // Never `selected`: the select's `value` chooses, and an explicit `selected: false` would
  // override it, so the form would open on January and quietly move the reporting year when saved.
  return monthNames.map((name, index) => ({ value: String(index + 1), text: name }))
}

export const terminologyLabel = (terminology: unknown) =>
  terminology === 'board'
    ? 'Board (Local Safeguarding Children Board)'
    : 'Partnership (multi-agency safeguarding arrangements)'

export function partnershipSummary(p: {
  name: string
  shortName: string
  area: string
  localAuthorityCode: string
  yearStartMonth: number
  terminology: string
}) {
  return [
    { key: { text: 'Name' }, value: { text: p.name } },
    { key: { text: 'Short name' }, value: { text: p.shortName } },
    { key: { text: 'Area' }, value: { text: p.area } },
    { key: { text: 'Local authority code' }, value: { text: p.localAuthorityCode } },
    { key: { text: 'Reporting year starts' }, value: { text: `1 ${monthNames[p.yearStartMonth - 1]}` } },
    { key: { text: 'Called' }, value: { text: terminologyLabel(p.terminology) } },
  ]
}
