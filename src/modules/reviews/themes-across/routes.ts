import { and, eq, sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../../../db/index.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { errorList } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { yearsBetween } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { readRange } from '../../learning/reach/range.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { caseRecordType, visibleCases } from '../access.ts'
import { reviewsNavigation } from '../navigation.ts'
import { reviewCases } from '../schema.ts'
import { rankedThemeCsv, rankedThemeRows } from './presenters.ts'
import { rankedThemes, reviewReportedOn } from './ranking.ts'

const views = 'modules/reviews/views'

/** The first and last days a review the actor may see was published (or signed off), for the year picker. */
async function reviewDates(db: Database, actor: Actor) {
  const [row] = await db
    .select({
      first: sql<string | null>`min(${reviewReportedOn})::text`,
      last: sql<string | null>`max(${reviewReportedOn})::text`,
    })
    .from(reviewCases)
    .where(and(eq(reviewCases.partnershipId, actor.partnershipId), visibleCases(actor)))
  return [row?.first ?? null, row?.last ?? null]
}

/**
 * Themes across reviews (`/case-reviews/themes`): for a reporting year or any range of days, how
 * often each theme appears in the learning points of the reviews published (or, never published,
 * signed off) in it, ranked, with the reviews behind each count and the training on each theme.
 * Only the reviews the actor may see are counted; the CSV holds the same.
 */
export async function themesAcrossRoutes(app: FastifyInstance) {
  const db = app.db
  const config = { permission: 'reviews:read' as const, confidential: { recordType: caseRecordType, param: null } }

  async function ranking(actor: Actor, query: Query) {
    const partnership = await getPartnership(db, actor.partnershipId)
    const reading = readRange(query, partnership.yearStartMonth)
    const themes = await rankedThemes(db, actor.partnershipId, reading.range, { visible: visibleCases(actor) })
    return { ...reading, themes, startMonth: partnership.yearStartMonth }
  }

  app.get('/case-reviews/themes', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const { range, errors, values, themes, startMonth } = await ranking(actor, request.query as Query)
    if (Object.keys(errors).length) reply.code(400)
    const reviews = new Set(themes.flatMap((t) => t.cases.map((c) => c.id))).size
    return reply.view(`${views}/themes.njk`, {
      range,
      errors,
      errorList: errorList(errors),
      values,
      yearPicker: {
        years: yearChoices(yearsBetween(await reviewDates(db, actor), startMonth), range.year),
        action: '/case-reviews/themes',
      },
      rows: rankedThemeRows(themes),
      count: themes.length,
      reviews,
      untrained: themes.filter((t) => !t.training.length).length,
      downloadHref: `/case-reviews/themes.csv?${range.query}`,
      subNavigation: reviewsNavigation('/case-reviews/themes'),
    })
  })

  app.get('/case-reviews/themes.csv', { config }, async (request, reply) => {
    const { range, themes } = await ranking(requireActor(request), request.query as Query)
    const name = range.year ? range.query.slice(5) : `${range.from}-to-${range.to}`
    return sendCsv(reply, `themes-across-reviews-${name}.csv`, rankedThemeCsv(themes))
  })
}
