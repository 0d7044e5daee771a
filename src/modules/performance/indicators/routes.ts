import type { FastifyInstance } from 'fastify'
import { actionRoute, formRoute } from '../../../platform/form-route.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, type Query } from '../../../platform/lists.ts'
import { can, type Actor } from '../../../platform/permissions.ts'
import { z } from 'zod'
import { themeCheckboxItems, themeOptions } from '../../themes/index.ts'
import { editIndicatorSchema, indicatorStatusSchema, newIndicatorSchema } from './forms.ts'
import {
  frequencyItems,
  indicatorCsv,
  indicatorRows,
  indicatorValues,
  polarityItems,
  standardSummary,
  unitItems,
} from './presenters.ts'
import {
  createIndicator,
  ensureStandardIndicators,
  getIndicator,
  indicatorThemeIds,
  listIndicators,
  missingStandardIndicators,
  setIndicatorRetired,
  updateIndicator,
  type IndicatorSort,
} from './service.ts'

const views = 'modules/performance/indicators/views'
const list = '/performance/indicators'

/** What the catalogue says after a change made on another page. */
function catalogueBanner(query: Query) {
  const code = query.code ? ` ${query.code}` : ''
  if (query.added !== undefined)
    return query.added === '0'
      ? 'The catalogue has every standard measure already'
      : `Added ${query.added} standard ${query.added === '1' ? 'measure' : 'measures'}`
  if (query.saved) return `Measure${code} saved`
  if (query.unchanged) return 'No changes made'
  if (query.retired) return `Measure${code} retired: it has left the scorecard and keeps its data`
  if (query.restored) return `Measure${code} restored to the scorecard`
  return null
}

const sorts = ['position', 'code', 'name', 'unit', 'polarity', 'source', 'frequency', 'target', 'status'] as const

export async function indicatorRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: list,
    permission: 'performance:read',
    template: `${views}/indicators.njk`,
    list: {
      columns: [
        { key: 'code', text: 'Code' },
        { key: 'name', text: 'Name' },
        { key: 'unit', text: 'Unit' },
        { key: 'polarity', text: 'Which way is better' },
        { key: 'source', text: 'Source' },
        { key: 'frequency', text: 'Frequency' },
        { key: 'target', text: 'Target', format: 'numeric' },
        { key: 'status', text: 'Status' },
      ],
      defaultSort: 'position' as IndicatorSort,
      download: '/performance/indicators.csv',
      noun: ['measure', 'measures'],
    },
    filter: (query) => ({ status: oneOf(query.status, ['in-use', 'retired', 'all'] as const) }),
    load: async (actor, filter) => {
      const rows = await listIndicators(db, actor.partnershipId, {
        includeRetired: filter.status === 'retired' || filter.status === 'all',
        sort: sorts.includes(filter.sort) ? filter.sort : 'position',
        direction: filter.direction,
      })
      return wholeList(filter.status === 'retired' ? rows.filter((r) => r.retiredAt) : rows)
    },
    rows: (rows, actor: Actor) => indicatorRows(rows, can(actor, 'performance:manage')),
    csv: indicatorCsv,
    context: async (actor, query) => ({
      missing: can(actor, 'performance:manage') ? await missingStandardIndicators(db, actor.partnershipId) : [],
      flash: catalogueBanner(query),
      statusItems: [
        { value: '', text: 'In use' },
        { value: 'retired', text: 'Retired' },
        { value: 'all', text: 'All' },
      ],
    }),
  })

  actionRoute(app, {
    path: '/performance/indicators/standard',
    access: { permission: 'performance:manage' },
    schema: z.object({}),
    run: async ({ actor }) => `${list}?added=${await ensureStandardIndicators(db, actor, actor.partnershipId)}`,
  })

  const formContext = async (partnershipId: string, saved: string[] = []) => ({
    unitItems: unitItems(),
    polarityItems: polarityItems(),
    frequencyItems: frequencyItems(),
    themeItems: themeCheckboxItems(await themeOptions(db, partnershipId, { includeIds: saved })),
  })

  formRoute(app, {
    path: '/performance/indicators/new',
    access: { permission: 'performance:manage' },
    template: `${views}/indicator-form.njk`,
    schema: newIndicatorSchema,
    context: async ({ actor }) => ({ ...(await formContext(actor.partnershipId)), isNew: true }),
    initialValues: () => ({ frequency: 'annual', polarity: 'no-judgement', themeIds: [] }),
    save: async ({ actor }, input) => {
      await createIndicator(db, actor, input)
      return `${list}?saved=1&code=${encodeURIComponent(input.code)}`
    },
  })

  formRoute(app, {
    path: '/performance/indicators/:id/edit',
    access: { permission: 'performance:manage' },
    template: `${views}/indicator-form.njk`,
    schema: editIndicatorSchema,
    context: async ({ actor, params }) => {
      const indicator = await getIndicator(db, actor.partnershipId, params.id!)
      const themeIds = await indicatorThemeIds(db, indicator.id)
      return {
        ...(await formContext(actor.partnershipId, themeIds)),
        indicator,
        themeIds,
        standardRows: indicator.standard ? standardSummary(indicator) : null,
      }
    },
    initialValues: (_request, { indicator, themeIds }) => indicatorValues(indicator, themeIds),
    save: async ({ actor }, { version, kind: _kind, ...input }, { indicator }) => {
      const changed = await updateIndicator(db, actor, indicator.id, version, input)
      return `${list}?${changed ? 'saved' : 'unchanged'}=1&code=${encodeURIComponent(indicator.code)}`
    },
  })

  for (const [path, retired, done] of [
    ['/performance/indicators/:id/retire', true, 'retired'],
    ['/performance/indicators/:id/restore', false, 'restored'],
  ] as const)
    actionRoute(app, {
      path,
      access: { permission: 'performance:manage' },
      schema: indicatorStatusSchema,
      run: async ({ actor, params }, input) => {
        const indicator = await getIndicator(db, actor.partnershipId, params.id!)
        const changed = await setIndicatorRetired(db, actor, indicator.id, input.version, retired)
        return `${list}?${changed ? done : 'unchanged'}=1&code=${encodeURIComponent(indicator.code)}`
      },
    })
}
