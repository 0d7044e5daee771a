import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { mailingLists, newsletterIssues } from '../schema.ts'
import { getMailingList } from './service.ts'

/** A list's issues: written and changed as drafts, then sent once (sending.ts). */

export interface IssueInput {
  title: string
  body: string
}

export function listIssues(db: Database, partnershipId: string, listId: string) {
  return db
    .select({
      id: newsletterIssues.id,
      title: newsletterIssues.title,
      status: newsletterIssues.status,
      sentAt: newsletterIssues.sentAt,
      recipients: newsletterIssues.recipients,
      updatedAt: newsletterIssues.updatedAt,
    })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.partnershipId, partnershipId), eq(newsletterIssues.listId, listId)))
    .orderBy(sql`${newsletterIssues.sentAt} desc nulls first`, desc(newsletterIssues.updatedAt))
}

export async function getIssue(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select({ issue: newsletterIssues, listName: mailingLists.name })
    .from(newsletterIssues)
    .innerJoin(mailingLists, eq(mailingLists.id, newsletterIssues.listId))
    .where(and(eq(newsletterIssues.partnershipId, partnershipId), eq(newsletterIssues.id, id)))
  if (!row) throw new NotFoundError()
  return { ...row.issue, listName: row.listName }
}

export type Issue = Awaited<ReturnType<typeof getIssue>>

export async function createIssue(db: Database, actor: Actor, listId: string, input: IssueInput) {
  const list = await getMailingList(db, actor.partnershipId, listId)
  return insertAudited(
    db,
    actor,
    newsletterIssues,
    { listId: list.id, ...input },
    {
      recordType: 'newsletter-issue',
      summary: `Wrote ${input.title} for ${list.name}`,
      related: [{ recordType: 'mailing-list', recordId: list.id }],
    },
  )
}

/** Only a draft changes: what was sent is what the archive shows. */
export const alreadySent = { version: 'This issue has been sent, so it can no longer be changed or sent again' }

export async function updateIssue(db: Database, actor: Actor, id: string, version: number, input: IssueInput) {
  const before = await getIssue(db, actor.partnershipId, id)
  if (before.status !== 'draft') throw new ValidationError(alreadySent)
  const { listName, ...record } = before
  return updateAudited(
    db,
    actor,
    newsletterIssues,
    // Starting a send moves the version on, so a change racing a send is refused as a stale edit.
    { id, version, before: record, set: input },
    {
      recordType: 'newsletter-issue',
      summary: `Changed ${input.title} for ${listName}`,
      related: [{ recordType: 'mailing-list', recordId: before.listId }],
    },
  )
}
