import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { linkNotValid } from '../links/not-valid.ts'
import { formRoute } from '../../../platform/form-route.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { formatDate } from '../../../platform/views.ts'
import { publishedIssue, sentIssues } from './archive.ts'
import { consentText, subscribeSchema } from './forms.ts'
import { confirmSubscription, publicLists, subscribe, unsubscribe, unsubscribeTarget } from './subscriptions.ts'

const views = 'modules/learning/newsletters/views'

/** A page of the public site (platform/public-site.ts): public, on the public layout. */
const onPublicSite = { public: true as const, publicSite: true }

/** Per address: enough for someone subscribing to every list, and correcting a typo or two. */
export const subscribeRateLimit = { max: 10, timeWindow: '10 minutes' }

/** A link that has expired, was used up, or never was: one page for all, saying what to do. */
const invalidLink = () => linkNotValid(`${views}/link-not-valid.njk`)

/** Subscribing, confirming and unsubscribing without an account, and the archive of sent issues. */
export async function newsletterPublicRoutes(app: FastifyInstance) {
  const db = app.db

  formRoute(app, {
    path: '/newsletters',
    access: onPublicSite,
    rateLimit: subscribeRateLimit,
    template: `${views}/subscribe.njk`,
    schema: subscribeSchema,
    context: async ({ raw }) => {
      const partnership = await publicPartnership(raw)
      const lists = await publicLists(db, partnership.id)
      return {
        partnership,
        consentText,
        listItems: lists.map((l) => ({ value: l.id, text: l.name, hint: { text: l.description } })),
      }
    },
    initialValues: ({ query }) => ({ listIds: query.list ? [query.list] : [] }),
    save: async (_request, input, { partnership }) => {
      await subscribe(db, partnership, { ...input, consentText }, app.config.baseUrl)
      // The same answer for every address, subscribed or not: the email says which.
      return { render: `${views}/check-email.njk`, data: { email: input.email } }
    },
  })

  app.get('/newsletters/confirm/:token', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const confirmed = await confirmSubscription(db, partnership.id, (request.params as { token: string }).token)
    if (!confirmed) throw invalidLink()
    return reply.view(`${views}/confirmed.njk`, confirmed)
  })

  // A GET only shows the button: mail scanners open links, and must not unsubscribe anyone (decision 0022).
  formRoute(app, {
    path: '/newsletters/unsubscribe/:token',
    access: onPublicSite,
    rateLimit: subscribeRateLimit,
    template: `${views}/unsubscribe.njk`,
    schema: z.object({}),
    context: async ({ raw, params }) => {
      const partnership = await publicPartnership(raw)
      const target = await unsubscribeTarget(db, partnership.id, params.token!)
      if (!target) throw invalidLink()
      return { partnership, ...target }
    },
    initialValues: () => ({}),
    save: async ({ params }, _input, { partnership }) => {
      const done = await unsubscribe(db, partnership.id, params.token!)
      if (!done) throw invalidLink()
      return { render: `${views}/unsubscribed.njk`, data: done }
    },
  })

  app.get('/newsletters/archive', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const issues = await sentIssues(db, partnership.id)
    return reply.view(`${views}/archive.njk`, {
      issues: issues.map((i) => ({
        href: `/newsletters/issues/${i.id}`,
        title: i.title,
        listName: i.listName,
        sent: formatDate(i.sentAt),
      })),
    })
  })

  app.get('/newsletters/issues/:id', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const issue = await publishedIssue(db, partnership.id, (request.params as { id: string }).id)
    return reply.view(`${views}/public-issue.njk`, {
      issue,
      sent: formatDate(issue.sentAt),
      html: renderMarkdown(issue.body),
    })
  })
}
