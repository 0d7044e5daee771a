import type { Database } from '../../../db/index.ts'
import { dateParts } from '../../../platform/forms.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { caseRecordType } from '../access.ts'
import {
  ageBandLabels,
  commonMethodologies,
  concernLabels,
  decisionOutcomeLabels,
  frameworkLabels,
  harmLabels,
  parallelProcessNames,
  reviewTypeLabels,
} from '../labels.ts'
import {
  ageBands,
  concernCodes,
  decisionOutcomes,
  frameworks,
  harmCategories,
  parallelProcesses,
  reviewTypes,
  type ReviewCase,
} from '../schema.ts'
import { readDates, readPanelMeetings, type DateSpec } from './forms.ts'

/** What the case forms need besides their values: templates, choices, and their dates. */

export const views = 'modules/reviews/views'
export const referralForm = `${views}/referral-form.njk`
export const clocksForm = `${views}/clocks-form.njk`
export const decisionForm = `${views}/decision-form.njk`
export const reviewForm = `${views}/review-form.njk`
export const statusForm = `${views}/status-form.njk`

/** A page about one case: the platform 404s anyone the case does not name, and audits each look (platform/confidential). */
export const oneCase = { recordType: caseRecordType }
/** A list of cases: each query filters with visibleCases (access.ts). */
export const caseList = { recordType: caseRecordType, param: null }

const items = <T extends string>(labels: Record<T, string>, values: readonly T[]) =>
  values.map((value) => ({ value, text: labels[value] }))

/** The referral form's choices. */
export async function referralItems(db: Database, partnershipId: string) {
  const agencies = await listAgencyOptions(db, partnershipId)
  return {
    referrerAgencyItems: [
      { value: '', text: 'Not from an agency in the directory' },
      ...agencies.map((a) => ({ value: a.id, text: a.name })),
    ],
    agencyItems: agencies.map((a) => ({ value: a.id, text: a.name })),
    harmItems: items(harmLabels, harmCategories),
    ageBandItems: [{ value: '', text: 'Not known' }, ...items(ageBandLabels, ageBands)],
    concernItems: items(concernLabels, concernCodes),
  }
}

export const decisionItems = () => ({
  frameworkItems: items(frameworkLabels, frameworks),
  outcomeItems: items(decisionOutcomeLabels, decisionOutcomes),
})

export const reviewItems = () => ({
  typeItems: items(reviewTypeLabels, reviewTypes),
  methodologyHint: `For example, ${commonMethodologies.join(', ')}`,
  parallelItems: [{ value: '', text: 'None' }, ...items(parallelProcessNames, parallelProcesses)],
})

/** Reads a form's dates as `extra` does, typed by the names given. */
function datesReader<K extends string>(specs: (DateSpec & { name: K })[]) {
  return (body: Record<string, unknown>) => {
    const { errors, values } = readDates(body, specs)
    return { errors, values: values as Record<K, string | null> }
  }
}

export const referralDates = (body: Record<string, unknown>) => {
  const { errors, values } = datesReader([
    { name: 'incidentOn', label: 'the date of the incident', notFuture: true },
    { name: 'awareOn', label: 'the date the partnership became aware', required: true, notFuture: true },
  ])(body)
  return { errors, values: { incidentOn: values.incidentOn, awareOn: values.awareOn! } }
}

export const clocksDates = datesReader([
  { name: 'notifiedOn', label: 'the date the national panel was notified', notFuture: true },
  { name: 'rapidReviewOn', label: 'the date the rapid review was sent', notFuture: true },
])

export const decisionDates = (body: Record<string, unknown>) => {
  const { errors, values } = datesReader([
    { name: 'decidedOn', label: 'the date of the decision', required: true, notFuture: true },
    { name: 'panelViewOn', label: 'the date of the national panel’s view', notFuture: true },
  ])(body)
  return { errors, values: { decidedOn: values.decidedOn!, panelViewOn: values.panelViewOn } }
}

/** The review form's dates, by the words its messages use. */
const reviewDateLabels = {
  commissionedOn: 'the date the review was commissioned',
  draftReceivedOn: 'the date the draft was received',
  signedOffOn: 'the date the board signed it off',
  sentToPanelOn: 'the date it was sent to the national panel and the department',
  publishedOn: 'the date it was published',
  takenDownOn: 'the date it was taken down',
  parallelStartedOn: 'the date the parallel process started',
  parallelEndedOn: 'the date the parallel process ended',
} as const
export const reviewDateNames = Object.keys(reviewDateLabels) as (keyof typeof reviewDateLabels)[]

const reviewDates = datesReader(
  reviewDateNames.map((name) => ({ name, label: reviewDateLabels[name], notFuture: true })),
)

/** The review form's dates, and its panel meetings (a textarea of days). */
export function reviewExtra(body: Record<string, unknown>) {
  const { errors, values } = reviewDates(body)
  const meetings = readPanelMeetings(typeof body.panelMeetings === 'string' ? body.panelMeetings : '')
  return {
    errors: { ...errors, ...(meetings.error && { panelMeetings: meetings.error }) },
    values: { ...values, panelMeetings: meetings.days },
  }
}

export const statusDates = datesReader([
  { name: 'publishedOn', label: 'the date it was published', notFuture: true },
  { name: 'parallelStartedOn', label: 'the date the parallel process started', notFuture: true },
])

/** A case's dates as the GOV.UK date inputs open them. */
export function caseDateParts(reviewCase: ReviewCase, names: (keyof ReviewCase)[]) {
  return Object.assign({}, ...names.map((name) => dateParts(reviewCase[name] as string | null, name)))
}
