import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../platform/audit-log/history.ts'
import type { Actor } from '../../platform/permissions.ts'
import { caseStatusLabels } from './lifecycle.ts'
import type { ReviewCase } from './schema.ts'

/** What every page about one case gives its frame (views/_case.njk): the case and its status in words. */
export function caseFrame(reviewCase: ReviewCase) {
  return { reviewCase, statusLabel: caseStatusLabels[reviewCase.status] }
}

/**
 * A case review record's history: its changes. Each look at a confidential record is in the audit
 * log too (platform/confidential), but a page's history is what changed, so views are left out.
 */
export async function changeHistory(app: FastifyInstance, actor: Actor, recordType: string, recordId: string) {
  const entries = await historyOf(app, actor, recordType, recordId)
  return entries.filter((entry) => entry.action !== 'view' && entry.action !== 'download')
}
