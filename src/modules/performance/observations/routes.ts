import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formRoute } from '../../../platform/form-route.ts'
import { requiredText } from '../../../platform/forms.ts'
import { ValidationError } from '../../../platform/errors.ts'
import { areaByCode, areas, findArea } from '../areas.ts'
import { parsePeriod } from '../periods.ts'
import { currentObservation, recordObservations } from './service.ts'
import { getIndicator } from '../indicators/service.ts'
import { enteredValueBanner, ownAreaCode } from './entry.ts'
import { parseValue, rangeProblem } from './values.ts'

/** Enter or correct one value by hand (performance:manage): the same write as an import, by the signed-in officer. */
const schema = z.object({
  area: z
    .string({ error: 'Select the area' })
    .trim()
    .refine((code) => !!areaByCode(code), 'Select the area'),
  period: requiredText('the period', 20).refine((text) => !!parsePeriod(text), {
    error: 'Enter a period like 2016/17, 2016/17 Q1 or 2016-04',
  }),
  value: requiredText('the value or the department’s symbol', 40).refine((text) => !('problem' in parseValue(text)), {
    error: 'Enter a number, or one of the department’s symbols c, x, z, low or ..',
  }),
})

export async function observationEntryRoutes(app: FastifyInstance) {
  const db = app.db
  formRoute(app, {
    path: '/performance/indicators/:id/values/new',
    access: { permission: 'performance:manage' },
    template: 'modules/performance/views/value-form.njk',
    schema,
    context: async ({ actor, params, query }) => {
      const indicator = await getIndicator(db, actor.partnershipId, params.id!)
      return {
        indicator,
        areaItems: areas.map((a) => ({ value: a.code, text: `${a.name} (${a.code})` })),
        banner: await enteredValueBanner(db, actor.partnershipId, indicator, query),
      }
    },
    initialValues: async ({ actor, query }) => ({
      area: findArea(String(query.area ?? ''))?.code ?? (await ownAreaCode(db, actor.partnershipId)),
      period: parsePeriod(String(query.period ?? ''))?.label ?? '',
    }),
    save: async ({ actor, params }, input, { indicator }) => {
      const period = parsePeriod(input.period)!
      const parsed = parseValue(input.value)
      if ('problem' in parsed) throw new ValidationError({ value: parsed.problem })
      const problem = parsed.value === null ? null : rangeProblem(parsed.value, indicator.unit)
      if (problem) throw new ValidationError({ value: problem })
      const counts = await db.transaction((tx) =>
        recordObservations(tx, actor, [{ indicatorId: indicator.id, areaCode: input.area, period, ...parsed }], {
          enteredBy: actor.id,
          enteredByName: actor.name,
        }),
      )
      const saved = await currentObservation(db, actor.partnershipId, indicator.id, input.area, period.label)
      const query = new URLSearchParams({
        area: input.area,
        period: period.label,
        [counts.unchanged ? 'unchanged' : 'saved']: saved!.id,
      })
      return `/performance/indicators/${params.id}/values/new?${query}`
    },
  })
}
