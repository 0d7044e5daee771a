import { asc, eq } from 'drizzle-orm'
import { auditFrameworks, frameworkCriteria, frameworkStandards, frameworkVersions } from '../audit-schema.ts'
import type { AssurancePart } from '../part.ts'
import { frameworkRoutes } from './routes.ts'
import { frameworkRecordType, seedDefaultFrameworks } from './service.ts'

/**
 * Audit frameworks (versioned standards, criteria and grading scale): every partnership starts
 * with the section 11 standards and the schools' safeguarding audit.
 */
export const frameworksPart: AssurancePart = {
  routes: frameworkRoutes,
  recordTypes: {
    [frameworkRecordType]: {
      label: 'Audit framework',
      href: (id) => (id ? `/assurance/frameworks/${id}` : null),
      fields: {
        name: 'Name',
        kind: 'For',
        scale: 'Grading scale',
        start: 'Started from',
        standards: 'Standards',
        title: 'Title',
        description: 'Description',
        text: 'Criterion',
        version: 'Version',
      },
    },
  },
  seed: async (db, { actor }) => seedDefaultFrameworks(db, actor),
  matrixIds: async (db, partnershipId): Promise<Record<string, string>> => {
    const [first] = await db
      .select({ id: auditFrameworks.id, standardId: frameworkStandards.id, criterionId: frameworkCriteria.id })
      .from(auditFrameworks)
      .innerJoin(frameworkVersions, eq(frameworkVersions.frameworkId, auditFrameworks.id))
      .innerJoin(frameworkStandards, eq(frameworkStandards.versionId, frameworkVersions.id))
      .innerJoin(frameworkCriteria, eq(frameworkCriteria.standardId, frameworkStandards.id))
      .where(eq(auditFrameworks.partnershipId, partnershipId))
      .orderBy(
        asc(auditFrameworks.createdAt),
        asc(frameworkVersions.number),
        asc(frameworkStandards.number),
        asc(frameworkCriteria.number),
      )
      .limit(1)
    if (!first) return {}
    const base = `/assurance/frameworks/:id`
    return {
      [base]: first.id,
      [`${base}/standards/:standardId`]: first.standardId,
      [`${base}/criteria/:criterionId`]: first.criterionId,
    }
  },
}
