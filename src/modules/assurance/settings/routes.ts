import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { optionalId, version } from '../../../platform/forms.ts'
import { groupKindLabel } from '../../partnership/labels.ts'
import { groupOptions } from '../../reviews/settings/service.ts'
import { caseAuditRecordType } from '../access.ts'
import { getAssuranceSettings, settingsRecordType, updateAuditGroup } from './service.ts'

const settingsSchema = z.object({ version, auditGroupId: optionalId })

/** Quality assurance → Settings (assurance:manage): the audit subgroup. */
export async function assuranceSettingsRoutes(app: FastifyInstance) {
  const db = app.db
  formRoute(app, {
    path: '/assurance/settings',
    // It changes who sees every return and case audit: a confidential list route, whose own page names none.
    access: { permission: 'assurance:manage', confidential: { recordType: caseAuditRecordType, param: null } },
    template: 'modules/assurance/settings/views/settings.njk',
    schema: settingsSchema,
    context: async ({ actor, query }) => {
      const settings = await getAssuranceSettings(db, actor.partnershipId)
      const options = await groupOptions(db, actor.partnershipId, settings.auditGroupId ? [settings.auditGroupId] : [])
      return {
        groupItems: [
          ...options.map((g) => ({ value: g.id, text: g.name, hint: { text: groupKindLabel(g.kind) } })),
          { divider: 'or' },
          { value: '', text: 'None: only the business unit, the agencies and the people named on each record' },
        ],
        flash: savedBanner(query, 'Settings saved'),
        history: await historyOf(app, actor, settingsRecordType, actor.partnershipId),
      }
    },
    initialValues: async ({ actor }) => {
      const settings = await getAssuranceSettings(db, actor.partnershipId)
      return { auditGroupId: settings.auditGroupId ?? '', version: settings.version }
    },
    save: async ({ actor }, { version: at, auditGroupId }) =>
      afterSave('/assurance/settings', await updateAuditGroup(db, actor, at, auditGroupId)),
  })
}
