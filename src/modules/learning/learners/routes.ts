import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { formRoute, savedBanner } from '../../../platform/form-route.ts'
import { choice, optionalId, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { searchText, type Query } from '../../../platform/lists.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { learningNavigation } from '../navigation.ts'
import { eraseLearner } from './erase.ts'
import { completionRows, learnerBookingRows, learnerCsv, learnerRows, learnerSummary } from './presenters.ts'
import {
  countLearners,
  getLearner,
  getUnerasedLearner,
  learnerBookings,
  learnerCompletions,
  linkLearnerToPerson,
  listLearners,
  type LearnerFilter,
} from './service.ts'

const views = 'modules/learning/learners/views'
const access = { permission: 'learning:manage' } as const

/** Learners (learning:manage: personal data): the list, one learner, linking to the directory, erasure. */
export async function learnerRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/learning/learners',
    permission: 'learning:manage',
    template: `${views}/learners.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Name' },
        { key: 'email', text: 'Email' },
        { key: null, text: 'Agency' },
        { key: null, text: 'Sector' },
        { key: 'bookings', text: 'Bookings', format: 'numeric' },
      ],
      defaultSort: 'name',
      pageSize: 50,
      download: '/learning/learners.csv',
      noun: ['learner', 'learners'],
    },
    filter: (query) => ({ search: searchText(query.search) }),
    load: async (actor, filter: LearnerFilter, page) => {
      if (!page) return wholeList(await listLearners(db, actor, filter))
      const [rows, total] = await Promise.all([listLearners(db, actor, filter, page), countLearners(db, actor, filter)])
      return { rows, total }
    },
    rows: learnerRows,
    csv: learnerCsv,
    context: () => ({ subNavigation: learningNavigation('/learning/learners') }),
  })

  app.get('/learning/learners/:id', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const learner = await getLearner(db, actor.partnershipId, (request.params as { id: string }).id)
    const query = request.query as Query
    const [bookingList, completions, history] = await Promise.all([
      learnerBookings(db, actor.partnershipId, learner.id),
      learnerCompletions(db, actor.partnershipId, learner.id),
      historyOf(app, actor, 'learner', learner.id),
    ])
    return reply.view(`${views}/learner.njk`, {
      learner,
      summary: learnerSummary(learner),
      bookingRows: learnerBookingRows(bookingList),
      completionRows: completionRows(completions),
      history,
      flash: query.erased ? 'Learner’s details erased' : savedBanner(query, 'Learner saved'),
    })
  })

  formRoute(app, {
    path: '/learning/learners/:id/person',
    access,
    template: `${views}/learner-person.njk`,
    schema: z.object({ version, personId: optionalId }),
    pickers: { personId: personPicker(db) },
    context: async ({ actor, params }) => ({ learner: await getUnerasedLearner(db, actor.partnershipId, params.id!) }),
    initialValues: (_request, { learner }) => ({ version: learner.version, personId: learner.personId ?? '' }),
    save: async ({ actor }, input, { learner }) => {
      const changed = await linkLearnerToPerson(db, actor, learner, input.version, input.personId)
      return `/learning/learners/${learner.id}?${changed ? 'saved' : 'unchanged'}=1`
    },
  })

  formRoute(app, {
    path: '/learning/learners/:id/erase',
    access: { permission: 'learning:erase' },
    template: `${views}/learner-erase.njk`,
    schema: z.object({
      version,
      confirm: choice(['yes', 'no'], 'Select yes if you want to erase this learner’s details'),
    }),
    context: async ({ actor, params }) => ({ learner: await getUnerasedLearner(db, actor.partnershipId, params.id!) }),
    initialValues: (_request, { learner }) => ({ version: learner.version }),
    save: async ({ actor }, input, { learner }) => {
      if (input.confirm === 'no') return `/learning/learners/${learner.id}`
      await eraseLearner(db, actor, learner.id, input.version, app.config.baseUrl)
      return `/learning/learners/${learner.id}?erased=1`
    },
  })
}
