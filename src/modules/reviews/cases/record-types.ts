import type { RecordTypeDefinition } from '../../../platform/modules.ts'
import { roleDefinitions, type Role } from '../../../platform/permissions.ts'
import { formatDate } from '../../../platform/views.ts'
import {
  ageBandLabels,
  caseStatusLabels,
  concernLabels,
  decisionOutcomeLabels,
  frameworkLabels,
  harmLabels,
  labelOf,
  labelsOf,
  parallelProcessNames,
  reviewTypeLabels,
} from '../labels.ts'
import { reviewSettingsRecordType } from '../settings/service.ts'

const roleLabel = (role: string) => roleDefinitions[role as Role]?.label ?? role

/** How the audit log and a case's history word a case and the settings: field names, codes as words. */
const dates = [
  'incidentOn',
  'awareOn',
  'notifiedOn',
  'rapidReviewOn',
  'decidedOn',
  'panelViewOn',
  'commissionedOn',
  'draftReceivedOn',
  'signedOffOn',
  'sentToPanelOn',
  'publishedOn',
  'takenDownOn',
  'parallelStartedOn',
  'parallelEndedOn',
] as const

export const caseRecordTypes: Record<string, RecordTypeDefinition> = {
  'case-review': {
    label: 'Case review',
    href: (id) => (id ? `/case-reviews/${id}` : null),
    fields: {
      reference: 'Reference',
      circumstances: 'Circumstances',
      incidentOn: 'Date of the incident',
      awareOn: 'Partnership became aware',
      referredBy: 'Referred by (agency)',
      referrer: 'Referred by',
      harm: 'Harm',
      ageBand: 'Age',
      concerns: 'Concerns',
      agencies: 'Agencies involved',
      notifiedOn: 'National panel notified',
      rapidReviewOn: 'Rapid review sent',
      framework: 'Framework',
      decisionOutcome: 'Outcome',
      decisionRationale: 'Rationale',
      decidedBy: 'Decided by',
      decidedOn: 'Decided on',
      panelView: 'National panel’s view',
      panelViewOn: 'National panel’s view given on',
      reviewType: 'Type of review',
      methodology: 'Methodology',
      leadReviewer: 'Lead reviewer',
      panel: 'Panel members',
      termsOfReference: 'Terms of reference',
      commissionedOn: 'Commissioned',
      panelMeetings: 'Panel meetings',
      draftReceivedOn: 'Draft received',
      signedOffOn: 'Signed off by the board',
      sentToPanelOn: 'Sent to the national panel and the department',
      publishedOn: 'Published',
      takenDownOn: 'Taken down',
      parallelProcess: 'Parallel process',
      parallelStartedOn: 'Parallel process started',
      parallelEndedOn: 'Parallel process ended',
      status: 'Status',
      // Who may see it (platform/confidential's "access" entries): roles by name, groups counted.
      roles: 'Roles that see it',
      groupIds: 'Groups whose members see it',
    },
    formats: {
      ...Object.fromEntries(dates.map((field) => [field, formatDate])),
      panelMeetings: (value) => (Array.isArray(value) ? value.map(formatDate).join(', ') : formatDate(value)),
      harm: labelOf(harmLabels),
      ageBand: labelOf(ageBandLabels),
      concerns: labelsOf(concernLabels),
      framework: labelOf(frameworkLabels),
      decisionOutcome: labelOf(decisionOutcomeLabels),
      reviewType: labelOf(reviewTypeLabels),
      parallelProcess: labelOf(parallelProcessNames),
      status: labelOf(caseStatusLabels),
      roles: (value) => (Array.isArray(value) ? value : [value]).map((role) => roleLabel(String(role))).join(', '),
      groupIds: (value) => {
        const n = Array.isArray(value) ? value.length : 0
        return n ? `${n} ${n === 1 ? 'group' : 'groups'} (Who can see case reviews)` : 'None'
      },
    },
  },
  [reviewSettingsRecordType]: {
    label: 'Who can see case reviews',
    href: () => '/case-reviews/settings',
    fields: { groups: 'Groups whose members see case reviews' },
  },
}
