import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { mailingLists, newsletterIssues } from '../schema.ts'

/**
 * The public archive: issues once sent, of the lists offered on the public site. A draft, an issue
 * still sending, and the issues of a list kept off the public site are not published.
 */
const published = (partnershipId: string) =>
  and(
    eq(newsletterIssues.partnershipId, partnershipId),
    eq(newsletterIssues.status, 'sent'),
    eq(mailingLists.publicSignUp, true),
  )

export function sentIssues(db: Database, partnershipId: string) {
  return db
    .select({
      id: newsletterIssues.id,
      title: newsletterIssues.title,
      sentAt: newsletterIssues.sentAt,
      listName: mailingLists.name,
    })
    .from(newsletterIssues)
    .innerJoin(mailingLists, eq(mailingLists.id, newsletterIssues.listId))
    .where(published(partnershipId))
    .orderBy(desc(newsletterIssues.sentAt))
}

export async function publishedIssue(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select({
      id: newsletterIssues.id,
      title: newsletterIssues.title,
      body: newsletterIssues.body,
      sentAt: newsletterIssues.sentAt,
      listName: mailingLists.name,
    })
    .from(newsletterIssues)
    .innerJoin(mailingLists, eq(mailingLists.id, newsletterIssues.listId))
    .where(and(published(partnershipId), eq(newsletterIssues.id, id)))
  if (!row) throw new NotFoundError()
  return row
}
