import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../../platform/errors.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import {
  parseYear,
  reportingYear,
  yearContaining,
  yearsBetween,
  type ReportingYear,
} from '../../../platform/reporting-years.ts'
import { can } from '../../../platform/permissions.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { caseAuditRecordType } from '../access.ts'
import { priorityChoices } from '../../performance/plan/service.ts'
import { assuranceDates, themesWithEvidence } from './choices.ts'
import { quadrantFor, type QuadrantSubject } from './quadrant.ts'

/** "2016-17", "2016/17" or the year's first calendar year alone ("2016"). */
export function yearAsked(text: string | undefined, startMonth: number): ReportingYear | null {
  if (!text) return null
  const bare = /^\s*(\d{4})\s*$/.exec(text)
  if (bare && startMonth !== 1) return reportingYear(Number(bare[1]), startMonth)
  return parseYear(text, startMonth)
}

/**
 * The quadrant of evidence (`/assurance/quadrant?theme=<id>&year=2016-17`, or `?priority=<id>`):
 * one GET form (a theme with evidence or a business plan priority, and a reporting year), then the
 * four quarters side by side. Case audits are listed only where the reader is named on them.
 */
export async function quadrantRoutes(app: FastifyInstance) {
  const config = {
    permission: 'assurance:read' as const,
    confidential: { recordType: caseAuditRecordType, param: null },
  }

  app.get('/assurance/quadrant', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const pid = actor.partnershipId
    const [{ yearStartMonth }, themes, priorities, dates] = await Promise.all([
      getPartnership(app.db, pid),
      themesWithEvidence(app.db, pid),
      priorityChoices(app.db, pid),
      assuranceDates(app.db, pid),
    ])
    const known = dates.filter((d): d is string => !!d).sort()
    const year =
      yearAsked(query.year, yearStartMonth) ??
      yearContaining(known.at(-1) ?? new Date().toISOString().slice(0, 10), yearStartMonth)
    const theme = query.theme || undefined
    const priority = theme ? undefined : query.priority || undefined
    let subject: QuadrantSubject | null = null
    if (theme) subject = { themeId: theme }
    else if (priority) subject = { priorityId: priority }
    if ((theme && !isUuid(theme)) || (priority && !isUuid(priority))) throw new NotFoundError()
    const quadrant = subject ? await quadrantFor(app.db, actor, subject, year.startYear) : null
    if (subject && !quadrant) throw new NotFoundError()
    return reply.view('modules/assurance/quadrant/views/quadrant.njk', {
      quadrant,
      year,
      themeItems: [
        { value: '', text: 'Choose a theme' },
        ...themes.map((t) => ({ value: t.id, text: t.name, selected: t.id === theme })),
      ],
      priorityItems: [
        { value: '', text: 'Choose a priority' },
        ...priorities.map((p) => ({ value: p.id, text: p.text, selected: p.id === priority })),
      ],
      yearItems: yearChoices(yearsBetween(dates, yearStartMonth), year),
      canTag: can(actor, 'performance:manage'),
    })
  })
}
