import type { FastifyInstance } from 'fastify'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf } from '../../../platform/lists.ts'
import type { HomePanel } from '../../../platform/modules.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { recommendationRecordType } from '../access.ts'
import { reviewsNavigation } from '../navigation.ts'
import { recommendationStatuses } from '../schema.ts'
import { panelItems, recommendationCsv, recommendationRows, statusItems } from './presenters.ts'
import { listRecommendations, owningAgencies, type RecommendationFilter, type RecommendationSort } from './service.ts'

const views = 'modules/reviews/views'

/**
 * Every recommendation the actor may see, across cases: the subgroup, business unit and chair see
 * them all; an agency's safeguarding lead, only their agency's. Filters by status, agency and
 * overdue; CSV of the same.
 */
export async function recommendationListRoutes(app: FastifyInstance) {
  const db = app.db
  listRoute(app, {
    path: '/case-reviews/recommendations',
    permission: 'reviews:recommendations',
    confidential: { recordType: recommendationRecordType },
    template: `${views}/recommendations.njk`,
    list: {
      columns: [
        { key: 'case', text: 'Recommendation' },
        { key: 'agency', text: 'Owned by' },
        { key: 'status', text: 'Status' },
        { key: 'due', text: 'Due' },
        { key: null, text: 'Actions' },
      ],
      defaultSort: 'case',
      download: '/case-reviews/recommendations.csv',
      noun: ['recommendation', 'recommendations'],
    },
    filter: (query) => ({
      status: oneOf(query.status, recommendationStatuses),
      agencyId: query.agencyId && isUuid(query.agencyId) ? query.agencyId : undefined,
      overdue: query.overdue === 'yes',
    }),
    load: async (actor, filter: RecommendationFilter & { sort: RecommendationSort }) =>
      wholeList(await listRecommendations(db, actor, filter)),
    rows: recommendationRows,
    csv: recommendationCsv,
    context: async (actor) => ({
      subNavigation: reviewsNavigation('/case-reviews/recommendations'),
      statusItems: statusItems(true),
      agencyItems: [
        { value: '', text: 'Any agency' },
        ...(await owningAgencies(db, actor)).map((a) => ({ value: a.id, text: a.name })),
      ],
    }),
  })
}

/** An agency lead's home page: the open recommendations their agency owns, overdue first. */
export const agencyRecommendationsPanel: HomePanel = {
  permission: 'reviews:recommendations',
  load: async (db, actor) => {
    if (!actor.roles.includes('agency-lead') || !actor.agencyId) return null
    const rows = await listRecommendations(db, actor, { agencyId: actor.agencyId, notComplete: true, sort: 'due' })
    return {
      title: 'Case review recommendations for your agency',
      items: panelItems(rows),
      empty: 'Your agency has no open case review recommendations.',
      link: { href: '/case-reviews/recommendations', text: 'All your agency’s recommendations' },
    }
  },
}
