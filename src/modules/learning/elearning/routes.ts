import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formRoute } from '../../../platform/form-route.ts'
import { requiredText } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { importRoutes, type ImportDefinition } from '../../../platform/imports/index.ts'
import { listRoute } from '../../../platform/list-route.ts'
import { searchText, type Query } from '../../../platform/lists.ts'
import { parseYear } from '../../../platform/reporting-years.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { learningNavigation } from '../navigation.ts'
import { agencyKey, resolveAgency, resolvedAlias, unmatchedAgencies } from './agencies.ts'
import { completionsImport } from './import.ts'
import {
  agencyChoiceItems,
  agencyFilterItems,
  completionCsv,
  completionRows,
  moduleItems,
  resolvedBanner,
  unmatchedRows,
  yearItems,
} from './presenters.ts'
import {
  completionAgencies,
  completionYears,
  countCompletions,
  listCompletions,
  moduleNames,
  type CompletionFilter,
} from './service.ts'

const views = 'modules/learning/views'
const base = '/learning/e-learning'
/** Completions name learners: only those who manage learning see them (context: learners' personal data). */
const permission = 'learning:manage'

export async function elearningRoutes(app: FastifyInstance) {
  const db = app.db

  await importRoutes(app, {
    basePath: `${base}/imports`,
    permission,
    definition: completionsImport as unknown as ImportDefinition<never>,
    title: 'Import e-learning completions',
    backLink: { href: base, text: 'Back to e-learning completions' },
  })

  listRoute(app, {
    path: base,
    permission,
    template: `${views}/elearning.njk`,
    list: {
      columns: [
        { key: 'completed', text: 'Completed' },
        { key: 'name', text: 'Learner' },
        { key: 'module', text: 'Module' },
        { key: 'agency', text: 'Agency' },
      ],
      defaultSort: 'completed',
      defaultDirection: 'desc',
      pageSize: 50,
      download: `${base}/completions.csv`,
      noun: ['completion', 'completions'],
    },
    filter: (query): Omit<CompletionFilter, 'sort' | 'direction'> => ({
      year: query.year?.trim().slice(0, 20) || undefined,
      module: query.module?.trim().slice(0, 300) || undefined,
      agency: query.agency === 'unmatched' || isUuid(query.agency ?? '') ? query.agency : undefined,
      search: searchText(query.search),
    }),
    load: async (actor, filter, page) => {
      const [rows, total] = await Promise.all([
        listCompletions(db, actor, filter, page),
        page ? countCompletions(db, actor, filter) : null,
      ])
      return { rows, total: total ?? rows.length }
    },
    rows: completionRows,
    csv: completionCsv,
    context: async (actor, query: Query) => {
      const [{ years, startMonth }, modules, agencies, unmatched] = await Promise.all([
        completionYears(db, actor),
        moduleNames(db, actor),
        completionAgencies(db, actor),
        unmatchedAgencies(db, actor),
      ])
      const year = query.year ? parseYear(query.year, startMonth) : null
      return {
        subNavigation: learningNavigation(base),
        yearItems: yearItems(yearChoices(years, year)),
        selectedYear: year ? yearChoices([year], year)[0]!.value : '',
        moduleItems: moduleItems(modules),
        agencyItems: agencyFilterItems(agencies),
        unmatchedCount: unmatched.length,
      }
    },
  })

  app.get(`${base}/agencies`, { config: { permission } }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const resolved = query.resolved ? await resolvedAlias(db, actor, query.resolved) : null
    return reply.view(`${views}/elearning-agencies.njk`, {
      subNavigation: learningNavigation(base),
      rows: unmatchedRows(await unmatchedAgencies(db, actor)),
      flash: resolved && resolvedBanner(resolved),
    })
  })

  formRoute(app, {
    path: `${base}/agencies/match`,
    access: { permission },
    template: `${views}/elearning-agency-match.njk`,
    schema: z.object({
      name: requiredText('the agency name', 200),
      agencyId: z.uuid('Select an agency from the list'),
    }),
    redirect: ({ query }) => (query.name?.trim() ? null : `${base}/agencies`),
    context: async ({ actor, query, raw }) => {
      const body = (raw.body ?? {}) as Record<string, unknown>
      const name = String(body.name ?? query.name ?? '').slice(0, 200)
      const unmatched = (await unmatchedAgencies(db, actor)).find((a) => a.key === agencyKey(name))
      return {
        name,
        hint: matchHint(unmatched),
        agencyItems: agencyChoiceItems(await listAgencyOptions(db, actor.partnershipId, { activeOnly: true })),
      }
    },
    initialValues: (_request, { name }) => ({ name }),
    save: async ({ actor }, { name, agencyId }) => {
      await resolveAgency(db, actor, name, agencyId)
      return `${base}/agencies?resolved=${encodeURIComponent(agencyKey(name))}`
    },
  })
}

function matchHint(unmatched: { completions: number; learners: number } | undefined) {
  const later = 'Later imports will match this name to the agency you choose.'
  if (!unmatched) return `No completions have this name now. ${later}`
  const { completions, learners } = unmatched
  return `It is on ${completions.toLocaleString('en-GB')} ${completions === 1 ? 'completion' : 'completions'} by ${learners.toLocaleString('en-GB')} ${learners === 1 ? 'learner' : 'learners'}. ${later}`
}
