import { SeeOtherError } from '../../../platform/errors.ts'
import type { ReturnStatus } from '../audit-schema.ts'

/**
 * A return's lifecycle (issue 15): draft → submitted → moderated → closed, and only those. There is
 * no way back: a question about a submitted return is a challenge the agency answers, and a grade the
 * moderator disagrees with is changed, with a reason, beside the self-grade, so what the agency said
 * is never overwritten.
 */
export const returnStatusLabels: Record<ReturnStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  moderated: 'Moderated',
  closed: 'Closed',
}

export const returnStatusColours = {
  draft: 'grey',
  submitted: 'blue',
  moderated: 'turquoise',
  closed: 'green',
} as const

/** The one status each status may move to (null: none). */
export const nextStatus: Record<ReturnStatus, ReturnStatus | null> = {
  draft: 'submitted',
  submitted: 'moderated',
  moderated: 'closed',
  closed: null,
}

const whyNot: Record<ReturnStatus, string> = {
  draft: 'This return is still a draft: it has not been submitted',
  submitted: 'This return has been submitted and is waiting for moderation',
  moderated: 'This return has been moderated',
  closed: 'This return is closed',
}

const verb: Record<ReturnStatus, string> = {
  draft: 'go back to draft',
  submitted: 'be submitted',
  moderated: 'be marked as moderated',
  closed: 'be closed',
}

/** Why a return cannot move from one status to another, or null when it can. */
export function transitionProblem(from: ReturnStatus, to: ReturnStatus): string | null {
  if (nextStatus[from] === to) return null
  return `${whyNot[from]}, so it cannot ${verb[to]}`
}

/** What may be done to a return in each status. */
export const mayFillIn = (status: ReturnStatus) => status === 'draft'
export const mayModerate = (status: ReturnStatus) => status === 'submitted'
/** Challenge questions are asked and answered between submission and closing. */
export const mayChallenge = (status: ReturnStatus) => status === 'submitted' || status === 'moderated'

/**
 * A page the return's status does not allow (filling in a submitted return, moderating a draft) is
 * not a refusal: whoever may use it is sent to the return's page, which says why (`?notice=`).
 */
export const returnNotices = {
  'not-draft': 'This return has been submitted: it can no longer be changed',
  'not-submitted': 'This return has not been submitted yet: it can be moderated once it is',
  'moderation-done': 'This return has been moderated: its grades can no longer be changed',
  'no-challenges-yet': 'This return has not been submitted yet: challenge questions can be asked once it is',
  closed: 'This return is closed: challenge questions can no longer be asked or answered',
} as const
export type ReturnNotice = keyof typeof returnNotices

const statusAllows = {
  'fill-in': (status: ReturnStatus): ReturnNotice | null => (mayFillIn(status) ? null : 'not-draft'),
  moderate: (status: ReturnStatus): ReturnNotice | null =>
    mayModerate(status) ? null : status === 'draft' ? 'not-submitted' : 'moderation-done',
  challenge: (status: ReturnStatus): ReturnNotice | null =>
    mayChallenge(status) ? null : status === 'draft' ? 'no-challenges-yet' : 'closed',
}

/** Sends the person to the return's page (`base`) with the notice when its status does not allow the page. */
export function requireStatusFor(page: keyof typeof statusAllows, status: ReturnStatus, base: string) {
  const notice = statusAllows[page](status)
  if (notice) throw new SeeOtherError(`${base}?notice=${notice}`)
}

/** The notice a return's page shows for its `?notice=` (only those above). */
export const noticeOf = (value: unknown) =>
  typeof value === 'string' && Object.hasOwn(returnNotices, value) ? returnNotices[value as ReturnNotice] : null
