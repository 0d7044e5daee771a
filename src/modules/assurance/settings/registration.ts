import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../../../platform/audit.ts'
import { groups } from '../../partnership/schema.ts'
import { assuranceSettings } from '../audit-schema.ts'
import type { AssurancePart } from '../part.ts'
import { assuranceSettingsRoutes } from './routes.ts'
import { settingsRecordType } from './service.ts'

/** The demo's audit subgroup: the one the seed paper's ¶14 describes. */
export const demoAuditGroupName = 'Performance, Audit and Quality Assurance'

/**
 * The module's settings: which group is the audit subgroup (its members see every return and case
 * audit). The seed names the Performance, Audit and Quality Assurance subgroup when the directory has it.
 */
export const settingsPart: AssurancePart = {
  routes: assuranceSettingsRoutes,
  recordTypes: {
    [settingsRecordType]: {
      label: 'Quality assurance settings',
      href: () => '/assurance/settings',
      fields: { auditGroupId: 'Audit subgroup', auditGroup: 'Audit subgroup' },
    },
  },
  seed: async (db, { actor }) => {
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.partnershipId, actor.partnershipId), eq(groups.name, demoAuditGroupName)))
    const auditGroupId = group?.id ?? null
    await db.transaction(async (tx) => {
      await tx.insert(assuranceSettings).values({ partnershipId: actor.partnershipId, auditGroupId })
      await recordAudit(tx, actor, {
        action: 'created',
        recordType: settingsRecordType,
        recordId: actor.partnershipId,
        summary: 'Chose the audit subgroup',
        after: { auditGroupId },
      })
    })
  },
}
