import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { groupKindLabel } from '../../partnership/labels.ts'
import { caseList, views } from '../cases/form-context.ts'
import { reviewsNavigation } from '../navigation.ts'
import { getReviewSettings, groupOptions, reviewSettingsRecordType, updateReviewSettings } from './service.ts'

const settingsSchema = z.object({
  version,
  groupIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.uuid('Select groups from the list'))),
})

/** Case reviews → Who can see case reviews (reviews:settings). */
export async function reviewSettingsRoutes(app: FastifyInstance) {
  const db = app.db
  formRoute(app, {
    path: '/case-reviews/settings',
    // It changes who sees every case: a confidential list route, whose own page names no case.
    access: { permission: 'reviews:settings', confidential: caseList },
    template: `${views}/settings.njk`,
    schema: settingsSchema,
    context: async ({ actor, query }) => {
      const settings = await getReviewSettings(db, actor.partnershipId)
      const options = await groupOptions(db, actor.partnershipId, settings.groupIds)
      return {
        subNavigation: reviewsNavigation('/case-reviews/settings'),
        groupItems: options.map((g) => ({ value: g.id, text: g.name, hint: { text: groupKindLabel(g.kind) } })),
        flash: savedBanner(query, 'Settings saved'),
        history: await historyOf(app, actor, reviewSettingsRecordType, actor.partnershipId),
      }
    },
    initialValues: async ({ actor }) => {
      const settings = await getReviewSettings(db, actor.partnershipId)
      return { groupIds: settings.groupIds, version: settings.version }
    },
    save: async ({ actor }, { version: at, groupIds }) =>
      afterSave('/case-reviews/settings', await updateReviewSettings(db, actor, at, groupIds)),
  })
}
