import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { actionRoute, afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { listView, readList, type ListDefinition, type Query } from '../../../platform/lists.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { issueSchema, mailingListSchema } from './forms.ts'
import { createIssue, getIssue, listIssues, updateIssue } from './issues.ts'
import { issueEmailBody } from './emails.ts'
import {
  issueRows,
  issueStatusTag,
  mailingListCsv,
  mailingListRows,
  mailingListSummary,
  subscriberCsv,
  subscriberRows,
} from './presenters.ts'
import { sendingProgress, startSending } from './sending.ts'
import {
  createMailingList,
  getMailingList,
  listMailingLists,
  listSubscribers,
  subscriberCounts,
  updateMailingList,
  type SubscriberSort,
} from './service.ts'

const views = 'modules/learning/newsletters/views'
const permission = 'learning:newsletters'
const access = { permission } as const

const subscriberList: ListDefinition<SubscriberSort> = {
  columns: [
    { key: 'email', text: 'Email' },
    { key: 'name', text: 'Name' },
    { key: 'confirmed', text: 'Confirmed' },
  ],
  defaultSort: 'email',
  pageSize: 100,
  noun: ['confirmed subscriber', 'confirmed subscribers'],
}

/** The business unit's pages: mailing lists, their subscribers, and composing and sending issues. */
export async function newsletterRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/learning/newsletters',
    permission,
    template: `${views}/lists.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Name' },
        { key: null, text: 'Description' },
        { key: null, text: 'Public sign-up' },
        { key: null, text: 'Status' },
        { key: 'subscribers', text: 'Confirmed subscribers', format: 'numeric' },
      ],
      defaultSort: 'name',
      download: '/learning/newsletters.csv',
      noun: ['mailing list', 'mailing lists'],
    },
    filter: () => ({}),
    load: async (actor, order) => wholeList(await listMailingLists(db, actor.partnershipId, order)),
    rows: mailingListRows,
    csv: mailingListCsv,
  })

  formRoute(app, {
    path: '/learning/newsletters/new',
    access,
    template: `${views}/list-form.njk`,
    schema: mailingListSchema,
    context: () => ({ isNew: true }),
    initialValues: () => ({ publicSignUp: 'true', active: 'true' }),
    save: async ({ actor }, input) => afterSave(`/learning/newsletters/${await createMailingList(db, actor, input)}`),
  })

  app.get('/learning/newsletters/:id', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const list = await getMailingList(db, actor.partnershipId, (request.params as { id: string }).id)
    const [counts, issues, history] = await Promise.all([
      subscriberCounts(db, actor.partnershipId, list.id),
      listIssues(db, actor.partnershipId, list.id),
      historyOf(app, actor, 'mailing-list', list.id),
    ])
    return reply.view(`${views}/list.njk`, {
      list,
      summary: mailingListSummary(list, counts, `/learning/newsletters/${list.id}/subscribers`),
      issueRows: issueRows(issues),
      history,
      flash: savedBanner(request.query as Query, 'Mailing list saved'),
    })
  })

  formRoute(app, {
    path: '/learning/newsletters/:id/edit',
    access,
    template: `${views}/list-form.njk`,
    schema: mailingListSchema.extend({ version }),
    context: async ({ actor, params }) => ({ list: await getMailingList(db, actor.partnershipId, params.id!) }),
    initialValues: (_request, { list }) => ({
      ...list,
      publicSignUp: list.publicSignUp ? 'true' : '',
      active: list.active ? 'true' : '',
    }),
    save: async ({ actor }, { version: at, ...input }, { list }) =>
      afterSave(`/learning/newsletters/${list.id}`, await updateMailingList(db, actor, list.id, at, input)),
  })

  async function subscribers(request: FastifyRequest, whole: boolean) {
    const actor = requireActor(request)
    const list = await getMailingList(db, actor.partnershipId, (request.params as { id: string }).id)
    const query = request.query as Query
    const state = readList(query, subscriberList)
    const page = whole ? null : { limit: state.limit!, offset: state.offset }
    const [rows, counts] = await Promise.all([
      listSubscribers(db, actor.partnershipId, list.id, state, page),
      subscriberCounts(db, actor.partnershipId, list.id),
    ])
    return { list, query, state, rows, total: counts.confirmed }
  }

  app.get('/learning/newsletters/:id/subscribers', { config: access }, async (request, reply) => {
    const { list, query, state, rows, total } = await subscribers(request, false)
    const definition = { ...subscriberList, download: `/learning/newsletters/${list.id}/subscribers.csv` }
    return reply.view(`${views}/subscribers.njk`, {
      list,
      rows: subscriberRows(rows),
      listView: listView(definition, state, query, { total, shown: rows.length }),
    })
  })

  app.get('/learning/newsletters/:id/subscribers.csv', { config: access }, async (request, reply) => {
    const { rows } = await subscribers(request, true)
    return sendCsv(reply, 'subscribers.csv', subscriberCsv(rows))
  })

  formRoute(app, {
    path: '/learning/newsletters/:id/issues/new',
    access,
    template: `${views}/issue-form.njk`,
    schema: issueSchema,
    context: async ({ actor, params }) => ({
      list: await getMailingList(db, actor.partnershipId, params.id!),
      isNew: true,
    }),
    initialValues: () => ({}),
    save: async ({ actor }, input, { list }) =>
      afterSave(`/learning/newsletter-issues/${await createIssue(db, actor, list.id, input)}`),
  })

  app.get('/learning/newsletter-issues/:id', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const issue = await getIssue(db, actor.partnershipId, (request.params as { id: string }).id)
    const [counts, progress, history] = await Promise.all([
      subscriberCounts(db, actor.partnershipId, issue.listId),
      issue.status === 'draft' ? null : sendingProgress(db, issue),
      historyOf(app, actor, 'newsletter-issue', issue.id),
    ])
    const query = request.query as Query
    return reply.view(`${views}/issue.njk`, {
      issue,
      statusTag: issueStatusTag(issue.status),
      html: renderMarkdown(issue.body),
      emailText: issueEmailBody(
        issue,
        issue.listName,
        actor.partnershipName,
        `${app.config.baseUrl}/newsletters/unsubscribe/(each subscriber’s own link)`,
      ),
      recipients: counts.confirmed,
      progress,
      history,
      flash: query.sending ? 'Sending has started' : savedBanner(query, 'Issue saved'),
    })
  })

  formRoute(app, {
    path: '/learning/newsletter-issues/:id/edit',
    access,
    template: `${views}/issue-form.njk`,
    schema: issueSchema.extend({ version }),
    context: async ({ actor, params }) => {
      const issue = await getIssue(db, actor.partnershipId, params.id!)
      return { issue, list: { id: issue.listId, name: issue.listName } }
    },
    initialValues: (_request, { issue }) => issue,
    save: async ({ actor }, { version: at, ...input }, { issue }) =>
      afterSave(`/learning/newsletter-issues/${issue.id}`, await updateIssue(db, actor, issue.id, at, input)),
  })

  actionRoute(app, {
    path: '/learning/newsletter-issues/:id/send',
    access,
    schema: z.object({ version }),
    run: async ({ actor, params }, input) => {
      await startSending(db, actor, params.id!, input.version, app.config.baseUrl)
      return `/learning/newsletter-issues/${params.id}?sending=1`
    },
  })
}
