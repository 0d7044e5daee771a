import type { FastifyInstance } from 'fastify'
import { recordHistory } from '../audit.ts'
import type { Actor } from '../permissions.ts'
import { accessIds, historyEntries, type DirectoryNames } from './presenters.ts'

/** The names of the directory records that entries about confidential access name. */
export function namesIn(
  app: FastifyInstance,
  partnershipId: string,
  rows: Parameters<typeof accessIds>[0],
): Promise<DirectoryNames> {
  return app.registry.accountDirectory.names(app.db, partnershipId, accessIds(rows))
}

/** A record's history for its page, worded by the record types the modules declare. */
export async function historyOf(app: FastifyInstance, actor: Actor, recordType: string, recordId: string) {
  const rows = await recordHistory(app.db, actor.partnershipId, recordType, recordId)
  return historyEntries(rows, app.registry.recordTypes, await namesIn(app, actor.partnershipId, rows))
}
