import type { TagColour } from '../../platform/html.ts'
import type { ActionRag, ShownStatus } from './service.ts'

/** How an action's status reads, and the colour of its tag. The words say it; the colour only repeats it. */
export const actionStatusLabels: Record<ShownStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  overdue: 'Overdue',
  complete: 'Complete',
}

export const actionStatusColours: Record<ShownStatus, TagColour> = {
  'not-started': 'grey',
  'on-track': 'blue',
  'at-risk': 'orange',
  overdue: 'red',
  complete: 'green',
}

/** The statuses an owner reports in a progress update: "overdue" is worked out, "complete" needs evidence. */
export const progressStatuses = ['not-started', 'on-track', 'at-risk'] as const
export type ProgressStatus = (typeof progressStatuses)[number]

/** The status filter's choices: any open action, or one shown status. */
export const statusFilters = ['open', 'overdue', 'at-risk', 'not-started', 'on-track', 'complete'] as const
export type StatusFilter = (typeof statusFilters)[number]

export const statusFilterLabels: Record<StatusFilter, string> = {
  open: 'Open (not complete)',
  ...actionStatusLabels,
}

/** How an action's RAG rating reads, and its tag's colour: the word says it, never the colour alone. */
export const actionRagLabels: Record<ActionRag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
}

export const actionRagColours: Record<ActionRag, TagColour> = {
  red: 'red',
  amber: 'orange',
  green: 'green',
  complete: 'grey',
}
