import { can, type Actor } from '../../platform/permissions.ts'
import { formatDate } from '../../platform/views.ts'
import { anchorFor } from './document.ts'
import type { Report } from './service.ts'
import type { ReportSnapshot } from './snapshot.ts'
import type { reportVersions } from './schema.ts'
import { canMove, isEditable, statusColours, statusLabels, transitions, type Transition } from './workflow.ts'

type Version = Pick<typeof reportVersions.$inferSelect, 'number' | 'approvedByName' | 'approvedAt' | 'publishedAt'>

/** The line under the title saying which state of the report this is. */
export function statusLine(report: Pick<Report, 'status'>, version: Version | null) {
  if (!version) return 'Draft: the figures are worked out from the records each time it is opened'
  const approved = `Version ${version.number}, approved by ${version.approvedByName} on ${formatDate(version.approvedAt)}`
  return version.publishedAt ? `${approved}; published on ${formatDate(version.publishedAt)}` : approved
}

export function statusTag(status: Report['status']) {
  return { text: statusLabels[status], classes: `govuk-tag--${statusColours[status]}` }
}

/** The workflow buttons this person may press now. */
export function availableTransitions(actor: Actor, report: Report) {
  return (Object.keys(transitions) as Transition[])
    .filter((t) => canMove(report.status, t) && can(actor, transitions[t].permission))
    .map((t) => ({ transition: t, ...buttonFor(t, report.id) }))
}

function buttonFor(transition: Transition, id: string) {
  switch (transition) {
    case 'submit':
      return { text: 'Submit to the chair', action: `/reports/${id}/submit`, form: false }
    case 'approve':
      return { text: 'Approve', action: `/reports/${id}/approve`, form: false }
    case 'return':
      return { text: 'Return with comments', action: `/reports/${id}/return`, form: true }
    case 'publish':
      return { text: 'Publish', action: `/reports/${id}/publish`, form: false }
    case 'correct':
      return { text: 'Make a correction', action: `/reports/${id}/correct`, form: true }
  }
}

/** The sections' narrative, for the "contents and narrative" panel of a draft. */
export function sectionLinks(actor: Actor, report: Report, snapshot: ReportSnapshot) {
  const editable = isEditable(report.status) && can(actor, 'reports:edit')
  return snapshot.sections.map((section) => ({
    title: section.title,
    anchor: anchorFor(section.name),
    editHref: editable ? `/reports/${report.id}/sections/${section.name}` : null,
    written: section.narrative.filter((n) => n.markdown.trim()).length,
    slots: section.narrative.length,
    problems: section.problems,
  }))
}

export function versionRows(reportId: string, versions: (Version & { correctionReason: string | null })[]) {
  return versions.map((v) => [
    { html: `<a class="govuk-link" href="/reports/${reportId}/versions/${v.number}">Version ${v.number}</a>` },
    { text: `${formatDate(v.approvedAt)} by ${v.approvedByName}` },
    { text: v.publishedAt ? formatDate(v.publishedAt) : 'Not published' },
    { text: v.correctionReason ?? '' },
  ])
}
