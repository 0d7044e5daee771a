import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { drawChart } from '../../../platform/charts.ts'
import { presentDocument } from '../../../platform/documents/presenter.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { sendCsv, sendXlsx } from '../../../platform/exports.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { requiredText, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import type { ChartInput } from '../../../platform/sections.ts'
import { scorecard } from '../scorecard.ts'
import { comparatorsFor, loadSeries, periodTypeOf } from '../series.ts'
import { exceptionKindLabels, ragHtml, travelHtml, valueOrSuppressed } from '../scorecard/presenters.ts'
import {
  commentaryItems,
  dataRows,
  indicatorSummary,
  periodFromSlug,
  replacedTableRows,
  trendChart,
} from './presenters.ts'
import {
  commentaryFor,
  commentaryOf,
  comparatorAreas,
  currentObservations,
  replacedObservations,
  saveCommentary,
} from './service.ts'
import { getIndicator } from '../indicators/service.ts'

const views = 'modules/performance/indicator-page/views'

const commentarySchema = z.object({
  markdown: requiredText('the commentary', 10_000),
  /** Empty for new commentary; the version the form opened at otherwise. */
  version: z
    .union([z.literal('').transform(() => null), version])
    .optional()
    .transform((v) => v ?? null),
})

/** A chart block as documents show it (inert SVG, its table's GOV.UK parameters), for the page's own use. */
async function chartBlock(input: ChartInput | null) {
  if (!input) return null
  const drawn = await drawChart(input)
  const [block] = presentDocument({ title: drawn.title, subtitle: [], blocks: [{ type: 'chart', ...drawn }] }).blocks
  return block
}

/**
 * An indicator's page (`/performance/indicators/:id`): what it is, its trend against the
 * comparators as a chart with its table, where it stands in its latest year and why it is an
 * exception, the business unit's commentary per period; its data as CSV and XLSX; and the values
 * later imports replaced (`/history`).
 */
export async function indicatorPageRoutes(app: FastifyInstance) {
  const db = app.db
  const read = { config: { permission: 'performance:read' as const } }
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id

  app.get('/performance/indicators/:id', read, async (request, reply) => {
    const actor = requireActor(request)
    const indicator = await getIndicator(db, actor.partnershipId, idOf(request))
    const [card, commentary] = await Promise.all([
      scorecard(db, actor.partnershipId, { indicatorIds: [indicator.id] }),
      commentaryOf(db, actor.partnershipId, indicator.id),
    ])
    const latest = card.rows[0] ?? null
    // With no data at all the scorecard has no row: the page still shows the (empty) series.
    const series =
      latest?.series ??
      (await loadSeries(db, actor.partnershipId, { indicatorIds: [indicator.id], comparators: card.comparators }))[0]!
    return reply.view(`${views}/indicator.njk`, {
      indicator,
      summary: indicatorSummary(indicator),
      chart: await chartBlock(trendChart(series, card.comparators)),
      latest: latest && {
        period: latest.period,
        value: valueOrSuppressed(latest.value, latest.suppressed, indicator.unit),
        travel: travelHtml(latest),
        rag: ragHtml(latest.rag),
        exceptions: latest.exceptions.map((e) => ({ kind: exceptionKindLabels[e.kind], sentence: e.sentence })),
      },
      commentary: commentaryItems(indicator, series, commentary),
      ownSet: card.comparators !== null,
      flash: savedBanner(request.query as Query, 'Commentary saved'),
    })
  })

  async function dataFor(partnershipId: string, id: string) {
    const indicator = await getIndicator(db, partnershipId, id)
    const comparators = await comparatorsFor(db, partnershipId)
    const rows = await currentObservations(db, partnershipId, indicator.id, comparatorAreas(comparators))
    return { indicator, rows: dataRows(rows, comparators) }
  }

  app.get('/performance/indicators/:id/data.csv', read, async (request, reply) => {
    const { indicator, rows } = await dataFor(requireActor(request).partnershipId, idOf(request))
    return sendCsv(reply, `${indicator.code.toLowerCase()}-data.csv`, rows)
  })

  app.get('/performance/indicators/:id/data.xlsx', read, async (request, reply) => {
    const { indicator, rows } = await dataFor(requireActor(request).partnershipId, idOf(request))
    return sendXlsx(reply, `${indicator.code.toLowerCase()}-data.xlsx`, rows, indicator.code)
  })

  app.get('/performance/indicators/:id/history', read, async (request, reply) => {
    const actor = requireActor(request)
    const indicator = await getIndicator(db, actor.partnershipId, idOf(request))
    const rows = await replacedObservations(db, actor.partnershipId, indicator.id)
    return reply.view(`${views}/values-history.njk`, { indicator, rows: replacedTableRows(rows, indicator.unit) })
  })

  formRoute(app, {
    path: '/performance/indicators/:id/commentary/:period',
    access: { permission: 'performance:manage' },
    template: `${views}/commentary-form.njk`,
    schema: commentarySchema,
    context: async ({ actor, params }) => {
      const indicator = await getIndicator(db, actor.partnershipId, params.id!)
      const period = periodFromSlug(params.period!, periodTypeOf(indicator))
      if (!period) throw new NotFoundError()
      const existing = await commentaryFor(db, actor.partnershipId, indicator.id, period.label)
      return { indicator, period: period.label, existing }
    },
    initialValues: (_request, { existing }) =>
      existing ? { markdown: existing.markdown, version: String(existing.version) } : { markdown: '', version: '' },
    save: async ({ actor }, input, { indicator, period }) =>
      afterSave(
        `/performance/indicators/${indicator.id}`,
        await saveCommentary(db, actor, indicator, period, { markdown: input.markdown, version: input.version }),
      ),
  })
}
