import { sql } from 'drizzle-orm'
import type { DatabaseConnection } from '../../db/index.ts'
import { deleteSpentTokens } from '../accounts/one-time-links.ts'
import { deleteExpiredSessions } from '../accounts/sessions.ts'
import { deleteOldSignedLinks } from '../signed-links.ts'
import { defineJob, type JobDefinition, type RecurringSchedule } from './index.ts'

/** The platform's own recurring upkeep, run by the job worker in each app process (src/app.ts). */
export const deleteExpiredSessionsJob = defineJob('delete-expired-sessions', (db) => deleteExpiredSessions(db))

export const deleteSpentTokensJob = defineJob('delete-spent-tokens', (db) => deleteSpentTokens(db))

export const deleteOldSignedLinksJob = defineJob('delete-old-signed-links', async (db) => {
  await deleteOldSignedLinks(db)
})

/**
 * PGlite has no autovacuum, so nothing else refreshes the planner's statistics and list queries
 * would sort whole tables. A PostgreSQL server runs autoanalyze itself.
 */
export const analyzeJob = defineJob('analyze', async (db) => {
  await db.execute(sql`analyze`)
})

export function maintenanceJobs(kind: DatabaseConnection['kind']): {
  definitions: JobDefinition[]
  recurring: RecurringSchedule[]
} {
  const pglite = kind === 'pglite'
  return {
    definitions: [
      deleteExpiredSessionsJob,
      deleteSpentTokensJob,
      deleteOldSignedLinksJob,
      ...(pglite ? [analyzeJob] : []),
    ],
    recurring: [
      { name: deleteExpiredSessionsJob.name, every: { hours: 1 } },
      { name: deleteSpentTokensJob.name, dailyAt: '03:00' },
      { name: deleteOldSignedLinksJob.name, dailyAt: '03:10' },
      // Due at once on a new database, so soon after the first start (the worker's first poll is after 5 s).
      ...(pglite ? [{ name: analyzeJob.name, every: { hours: 6 } }] : []),
    ],
  }
}
