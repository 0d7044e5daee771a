import type { ReportStatus } from './schema.ts'

/**
 * The report's life, as a pure rule: the business unit drafts and submits, the chair approves or
 * returns it with comments, the business unit publishes. An approved or published report is
 * corrected by taking it back to draft; its approved versions stay as they were.
 */
export const transitions = {
  submit: {
    action: 'submitted',
    from: ['draft'],
    to: 'submitted',
    permission: 'reports:edit',
    verb: 'Submitted to the chair',
  },
  return: {
    action: 'returned',
    from: ['submitted'],
    to: 'draft',
    permission: 'reports:approve',
    verb: 'Returned with comments',
  },
  approve: {
    action: 'approved',
    from: ['submitted'],
    to: 'approved',
    permission: 'reports:approve',
    verb: 'Approved',
  },
  publish: {
    action: 'published',
    from: ['approved'],
    to: 'published',
    permission: 'reports:publish',
    verb: 'Published',
  },
  correct: {
    action: 'reopened',
    from: ['approved', 'published'],
    to: 'draft',
    permission: 'reports:edit',
    verb: 'Reopened for a correction',
  },
} as const satisfies Record<
  string,
  { action: string; from: readonly ReportStatus[]; to: ReportStatus; permission: `reports:${string}`; verb: string }
>

export type Transition = keyof typeof transitions

export function canMove(status: ReportStatus, transition: Transition) {
  return (transitions[transition].from as readonly ReportStatus[]).includes(status)
}

/** Narrative can be written only while the report is a draft: what the chair approves is what was submitted. */
export function isEditable(status: ReportStatus) {
  return status === 'draft'
}

export const statusLabels: Record<ReportStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted to the chair',
  approved: 'Approved',
  published: 'Published',
}

export const statusColours: Record<ReportStatus, string> = {
  draft: 'grey',
  submitted: 'blue',
  approved: 'green',
  published: 'purple',
}
