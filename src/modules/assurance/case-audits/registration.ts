import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { caseAuditRecordType } from '../access.ts'
import { caseAuditCases, caseAuditLearningPoints, caseAuditRecommendations, caseAudits } from '../case-audit-schema.ts'
import type { AssurancePart } from '../part.ts'
import { auditCaseRecordType } from './cases.ts'
import { auditLearningRecordType } from './learning.ts'
import { auditHref } from './presenters.ts'
import { auditRecommendationRecordType } from './recommendations.ts'
import { auditRoutes } from './routes.ts'
import { seedCaseAudits } from './seed.ts'
import { auditWorkRoutes } from './work-routes.ts'

/** No record has this id: the matrix walks a partnership without audits with it, and gets 404. */
const none = '00000000-0000-4000-8000-000000000000'

/**
 * The permission matrix's ids: the partnership's first audit, and its first case, learning point
 * and recommendation, creating none (the demo's are there: the seed runs for every partnership).
 */
async function matrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [audit] = await db
    .select({ id: caseAudits.id })
    .from(caseAudits)
    .where(eq(caseAudits.partnershipId, partnershipId))
    .orderBy(asc(caseAudits.heldOn))
    .limit(1)
  const first = async (
    table: typeof caseAuditCases | typeof caseAuditLearningPoints | typeof caseAuditRecommendations,
  ) => {
    if (!audit) return none
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.auditId, audit.id)).limit(1)
    return row?.id ?? none
  }
  const base = '/assurance/case-audits/:id'
  return {
    [base]: audit?.id ?? none,
    [`${base}/cases/:caseId`]: await first(caseAuditCases),
    [`${base}/learning/:pointId`]: await first(caseAuditLearningPoints),
    [`${base}/recommendations/:recommendationId`]: await first(caseAuditRecommendations),
  }
}

/** Case audits (confidential): the list, set-up, the overview, the sample, learning and recommendations. */
export const caseAuditsPart: AssurancePart = {
  routes: async (app) => {
    await auditRoutes(app)
    await auditWorkRoutes(app)
  },
  recordTypes: {
    [caseAuditRecordType]: {
      label: 'Case audit',
      href: (id) => (id ? auditHref(id) : '/assurance/case-audits'),
      fields: {
        title: 'Title',
        themeId: 'Theme (id)',
        theme: 'Theme',
        scope: 'Scope',
        agencyId: 'Agency (id)',
        agency: 'Agency',
        heldOn: 'Held on',
        status: 'Status',
        planPriorityId: 'Business plan priority (id)',
        priority: 'Business plan priority',
        auditors: 'Auditors',
        findings: 'Findings',
      },
    },
    [auditCaseRecordType]: {
      label: 'Case audit case',
      fields: { reference: 'Reference', grade: 'Grade of practice', notes: 'Notes', agencyGrades: 'Agencies’ grades' },
    },
    [auditLearningRecordType]: {
      label: 'Case audit learning point',
      fields: { number: 'Number', text: 'Learning point', themes: 'Themes' },
    },
    [auditRecommendationRecordType]: {
      label: 'Case audit recommendation',
      fields: {
        number: 'Number',
        text: 'Recommendation',
        agency: 'Agency',
        agencyId: 'Agency (id)',
        response: 'Response',
        dueOn: 'Due date',
        status: 'Status',
        evidence: 'Evidence',
        completedOn: 'Completed on',
        action: 'Action raised',
        actionDueOn: 'Action due',
      },
    },
  },
  seed: seedCaseAudits,
  matrixIds,
}
