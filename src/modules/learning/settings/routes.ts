import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { agencyTypeLabels } from '../../partnership/labels.ts'
import { noAgencyType } from '../bookings/charges.ts'
import { learningNavigation } from '../navigation.ts'
import { chargeField, chargesSchema, settingsSchema } from './forms.ts'
import { getLearningSettings } from './service.ts'
import { chargeRates, chargeTypes, updateChargeRates, updateLearningSettings } from './update.ts'

const views = 'modules/learning/settings/views'
const access = { permission: 'learning:manage' } as const

/** The learning settings page and the non-attendance charges page. */
export async function settingsRoutes(app: FastifyInstance) {
  const db = app.db

  formRoute(app, {
    path: '/learning/settings',
    access,
    template: `${views}/settings.njk`,
    schema: settingsSchema,
    context: async ({ actor, query }) => ({
      subNavigation: learningNavigation('/learning/settings'),
      flash: savedBanner(query, 'Settings saved'),
      history: await historyOf(app, actor, 'learning-settings', actor.partnershipId),
    }),
    initialValues: async ({ actor }) => {
      const settings = await getLearningSettings(db, actor.partnershipId)
      return { ...settings, ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) }
    },
    save: async ({ actor }, { version, ...input }) =>
      afterSave('/learning/settings', await updateLearningSettings(db, actor, version, input)),
  })

  formRoute(app, {
    path: '/learning/settings/charges',
    access,
    template: `${views}/charges.njk`,
    schema: chargesSchema,
    context: async ({ actor, query }) => ({
      subNavigation: learningNavigation('/learning/settings'),
      flash: savedBanner(query, 'Charges saved'),
      fields: chargeTypes.map((type) => ({
        name: chargeField(type),
        label: type === noAgencyType ? 'No agency in the directory' : agencyTypeLabels[type],
      })),
      history: await historyOf(app, actor, 'non-attendance-charges', actor.partnershipId),
    }),
    initialValues: async ({ actor }) => {
      const rates = await chargeRates(db, actor.partnershipId)
      return Object.fromEntries(chargeTypes.map((type) => [chargeField(type), (rates[type]! / 100).toFixed(2)]))
    },
    save: async ({ actor }, rates) =>
      afterSave('/learning/settings/charges', await updateChargeRates(db, actor, rates)),
  })
}
