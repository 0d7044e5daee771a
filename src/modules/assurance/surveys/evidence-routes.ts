import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formRoute } from '../../../platform/form-route.ts'
import { optionalId, optionalText } from '../../../platform/forms.ts'
import { priorityChoices } from '../../performance/plan/service.ts'
import { themeCheckboxItems, themeIds, themeOptions } from '../../themes/index.ts'
import { voiceRecords } from '../voice-schema.ts'
import { createVoiceRecord, partnerAgencies, voiceHref } from '../voice/service.ts'
import { londonToday } from './responses.ts'
import { getSurvey, responseTotal } from './service.ts'

const evidenceSchema = z.object({
  agencyIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.uuid('Select agencies from the list'))),
  findings: optionalText('the key findings', 20_000),
  themeIds,
  planPriorityId: optionalId,
})

/**
 * "Record as evidence": a closed survey becomes a voice record (practitioners, by survey), linked
 * to it, its responses counted from the survey, so the quadrant and the report read it like any other.
 */
export async function surveyEvidenceRoutes(app: FastifyInstance) {
  const db = app.db
  formRoute(app, {
    path: '/assurance/surveys/:id/evidence',
    access: { permission: 'assurance:manage' },
    template: 'modules/assurance/surveys/views/evidence-form.njk',
    schema: evidenceSchema,
    context: async ({ actor, params }) => {
      const survey = await getSurvey(db, actor.partnershipId, params.id!)
      const [recorded] = await db
        .select({ id: voiceRecords.id })
        .from(voiceRecords)
        .where(and(eq(voiceRecords.surveyId, survey.id), eq(voiceRecords.partnershipId, actor.partnershipId)))
      const [agencyRows, themeRows, priorities, responses] = await Promise.all([
        partnerAgencies(db, actor.partnershipId),
        themeOptions(db, actor.partnershipId),
        priorityChoices(db, actor.partnershipId),
        responseTotal(db, survey.id),
      ])
      return {
        survey,
        recordedHref: recorded ? voiceHref(recorded.id) : null,
        responses,
        agencyItems: agencyRows.map((a) => ({ value: a.id, text: a.name })),
        themeItems: themeCheckboxItems(themeRows),
        priorityItems: [{ value: '', text: 'None' }, ...priorities.map((p) => ({ value: p.id, text: p.text }))],
      }
    },
    initialValues: () => ({}),
    save: async ({ actor }, input, { survey, recordedHref, responses }) => {
      if (recordedHref) return recordedHref
      const today = londonToday()
      const id = await createVoiceRecord(
        db,
        actor,
        {
          title: survey.title,
          audience: 'practitioners',
          ageBands: [],
          method: 'survey',
          heldOn: survey.closesOn < today ? survey.closesOn : today,
          invited: null,
          responses,
          ...input,
        },
        { surveyId: survey.id },
      )
      return `${voiceHref(id)}?created=1`
    },
  })
}
