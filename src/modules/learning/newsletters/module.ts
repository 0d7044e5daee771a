import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { RecordTypeDefinition } from '../../../platform/modules.ts'
import { mailingLists, newsletterIssues, type NewsletterIssueStatus } from '../schema.ts'
import { issueStatusLabels } from './presenters.ts'

/** What newsletters add to the learning module's registration (index.ts). */

export const newsletterRecordTypes: Record<string, RecordTypeDefinition> = {
  'mailing-list': {
    label: 'Mailing list',
    href: (id) => (id ? `/learning/newsletters/${id}` : null),
    fields: { name: 'Name', description: 'Description', publicSignUp: 'Public sign-up', active: 'Active' },
  },
  'newsletter-issue': {
    label: 'Newsletter issue',
    href: (id) => (id ? `/learning/newsletter-issues/${id}` : null),
    fields: { listId: 'Mailing list', title: 'Title', body: 'Newsletter', status: 'Status', recipients: 'Recipients' },
    formats: { status: (v) => issueStatusLabels[v as NewsletterIssueStatus] ?? String(v) },
  },
  // No page of its own, and its audit rows name no address: they show on the list's history.
  subscription: { label: 'Subscription' },
}

/** The demo's latest sent issue of a public list, and its list, for the permission matrix's walk. */
export async function newsletterMatrixIds(db: Database, partnershipId: string) {
  const [issue] = await db
    .select({ id: newsletterIssues.id, listId: newsletterIssues.listId })
    .from(newsletterIssues)
    .innerJoin(mailingLists, eq(mailingLists.id, newsletterIssues.listId))
    .where(
      and(
        eq(newsletterIssues.partnershipId, partnershipId),
        eq(newsletterIssues.status, 'sent'),
        eq(mailingLists.publicSignUp, true),
      ),
    )
    .orderBy(desc(newsletterIssues.sentAt), asc(newsletterIssues.id))
    .limit(1)
  if (!issue) throw new Error('The demo has no sent newsletter issue')
  return {
    '/learning/newsletters/:id': issue.listId,
    '/learning/newsletter-issues/:id': issue.id,
    '/newsletters/issues/:id': issue.id,
  }
}
