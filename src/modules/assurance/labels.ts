import type { TagColour } from '../../platform/html.ts'
import type { CycleStatus, ReturnStatus } from './audit-schema.ts'

/** The words (and tag colours) for audit cycles' and returns' statuses, shared by every part's pages. */
export const cycleStatusLabels: Record<CycleStatus, string> = { planned: 'Planned', open: 'Open', closed: 'Closed' }

export const returnStatusLabels: Record<ReturnStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  moderated: 'Moderated',
  closed: 'Closed',
}

export const returnStatusColours: Record<ReturnStatus, TagColour> = {
  draft: 'grey',
  submitted: 'blue',
  moderated: 'green',
  closed: 'grey',
}
