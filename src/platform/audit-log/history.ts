import type { FastifyInstance } from 'fastify'
import { recordHistory } from '../audit.ts'
import type { Actor } from '../permissions.ts'
import { historyEntries } from './presenters.ts'

/** A record's history for its page, worded by the record types the modules declare. */
export async function historyOf(app: FastifyInstance, actor: Actor, recordType: string, recordId: string) {
  return historyEntries(
    await recordHistory(app.db, actor.partnershipId, recordType, recordId),
    app.registry.recordTypes,
  )
}
