import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { dateInput, dateParts, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute } from '../../../platform/list-route.ts'
import { oneOf, type Query } from '../../../platform/lists.ts'
import { parseYear, yearSlug, yearsBetween } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { priorityChoices } from '../../performance/plan/service.ts'
import { themeCheckboxItems, themeOptions } from '../../themes/index.ts'
import { voiceAudiences } from '../voice-schema.ts'
import { voiceRecords } from '../voice-schema.ts'
import { voiceRecordSchema } from './forms.ts'
import { ageBandLabels, audienceLabels, items, methodLabels } from './labels.ts'
import { voiceCsv, voiceRows, voiceSummary } from './presenters.ts'
import {
  createVoiceRecord,
  getVoiceRecord,
  listVoiceRecords,
  partnerAgencies,
  updateVoiceRecord,
  voiceHref,
  type VoiceRecordPage,
  type VoiceSort,
} from './service.ts'

const views = 'modules/assurance/voice/views'

/** The held-on date, from its GOV.UK date input. */
function heldOn(body: Record<string, unknown>) {
  const date = dateInput(body, 'heldOn', 'the date it was held', { required: true, min: '2000-01-01' })
  return date.error ? { errors: { 'heldOn-day': date.error } } : { values: { heldOn: date.value! } }
}

const fieldOrder = ['title', 'audience', 'agencyIds', 'ageBands', 'method', 'heldOn-day', 'invited', 'responses']

/** Voice records: the list (`/assurance/voice`), a record's page, and adding or changing one. */
export async function voiceRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/assurance/voice',
    permission: 'assurance:read',
    template: `${views}/voice-list.njk`,
    list: {
      columns: [
        { key: 'title', text: 'Title' },
        { key: 'audience', text: 'Who was asked' },
        { key: 'method', text: 'Method' },
        { key: 'heldOn', text: 'Held on' },
        { key: 'responses', text: 'Responses', format: 'numeric' },
        { key: null, text: 'Themes' },
      ],
      defaultSort: 'heldOn',
      defaultDirection: 'desc',
      pageSize: 50,
      download: '/assurance/voice.csv',
      downloadXlsx: '/assurance/voice.xlsx',
      noun: ['record', 'records'],
    },
    filter: (query) => ({ audience: oneOf(query.audience, voiceAudiences), yearText: query.year ?? '' }),
    load: async (actor, { yearText, ...filter }, page) => {
      const month = await yearStartMonth(db, actor.partnershipId)
      const year = (yearText && parseYear(yearText, month)) || undefined
      return listVoiceRecords(db, actor.partnershipId, { ...filter, sort: filter.sort as VoiceSort, year }, page)
    },
    rows: voiceRows,
    csv: voiceCsv,
    context: async (actor, query) => {
      const [month, dates] = await Promise.all([
        yearStartMonth(db, actor.partnershipId),
        db
          .selectDistinct({ heldOn: voiceRecords.heldOn })
          .from(voiceRecords)
          .where(eq(voiceRecords.partnershipId, actor.partnershipId))
          .orderBy(asc(voiceRecords.heldOn)),
      ])
      const selected = (query.year && parseYear(query.year, month)) || null
      const years = yearsBetween(
        dates.map((d) => d.heldOn),
        month,
      )
      return {
        audienceItems: [
          { value: '', text: 'Anyone' },
          ...items(audienceLabels).map((i) => ({ ...i, selected: i.value === query.audience })),
        ],
        yearItems: [
          { value: '', text: 'Any year' },
          ...yearChoices(years, selected).map((y) => ({ value: y.value, text: y.text, selected: y.selected })),
        ],
        yearText: selected ? yearSlug(selected) : null,
      }
    },
  })

  app.get('/assurance/voice/:id', { config: { permission: 'assurance:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const page = await getVoiceRecord(db, actor.partnershipId, (request.params as { id: string }).id)
    const surveyHref = page.record.surveyId ? `/assurance/surveys/${page.record.surveyId}` : null
    return reply.view(`${views}/voice.njk`, {
      record: page.record,
      ...voiceSummary(page, surveyHref),
      flash: (request.query as Query).created
        ? 'Voice record added'
        : savedBanner(request.query as Query, 'Voice record saved'),
    })
  })

  /** Everything the form offers: agencies (not schools), age bands, methods, themes, priorities. */
  async function formContext(partnershipId: string, page: VoiceRecordPage | null) {
    const [agencyRows, themeRows, priorities] = await Promise.all([
      partnerAgencies(db, partnershipId, page?.agencies.map((a) => a.id) ?? []),
      themeOptions(db, partnershipId, { includeIds: page?.themes.map((t) => t.id) ?? [] }),
      priorityChoices(db, partnershipId),
    ])
    return {
      page,
      agencyItems: agencyRows.map((a) => ({ value: a.id, text: a.name })),
      audienceLabels,
      ageBandItems: items(ageBandLabels),
      methodItems: [{ value: '', text: 'Select how they were asked' }, ...items(methodLabels)],
      themeItems: themeCheckboxItems(themeRows),
      priorityItems: [{ value: '', text: 'None' }, ...priorities.map((p) => ({ value: p.id, text: p.text }))],
    }
  }

  formRoute(app, {
    path: '/assurance/voice/new',
    access: { permission: 'assurance:manage' },
    template: `${views}/voice-form.njk`,
    schema: voiceRecordSchema,
    extra: heldOn,
    fieldOrder,
    context: ({ actor }) => formContext(actor.partnershipId, null),
    initialValues: () => ({}),
    save: async ({ actor }, input) => `${voiceHref(await createVoiceRecord(db, actor, input))}?created=1`,
  })

  formRoute(app, {
    path: '/assurance/voice/:id/edit',
    access: { permission: 'assurance:manage' },
    template: `${views}/voice-form.njk`,
    schema: voiceRecordSchema.and(z.object({ version })),
    extra: heldOn,
    fieldOrder,
    context: async ({ actor, params }) =>
      formContext(actor.partnershipId, await getVoiceRecord(db, actor.partnershipId, params.id!)),
    initialValues: (_request, { page }) => {
      const { record, agencies, themes } = page!
      return {
        ...record,
        ...dateParts(record.heldOn, 'heldOn'),
        invited: record.invited === null ? '' : String(record.invited),
        responses: String(record.responses),
        agencyIds: agencies.map((a) => a.id),
        themeIds: themes.map((t) => t.id),
      }
    },
    save: async ({ actor }, { version: at, ...input }, { page }) =>
      afterSave(voiceHref(page!.record.id), await updateVoiceRecord(db, actor, page!, at, input)),
  })
}
