import { defineModule } from '../../platform/modules.ts'
import { settingsPart } from './settings/registration.ts'
import { hubPart } from './hub/registration.ts'
import { frameworksPart } from './frameworks/registration.ts'
import { schoolsPart } from './schools/registration.ts'
import { cyclesPart } from './cycles/registration.ts'
import { resultsPart } from './results/registration.ts'
import { returnsPart } from './returns/registration.ts'
import { caseAuditsPart } from './case-audits/registration.ts'
import { voicePart } from './voice/registration.ts'
import { quadrantPart } from './quadrant/registration.ts'
import type { AssurancePart } from './part.ts'

/**
 * Quality assurance (issue 15; decision 0031): section 11 and schools' safeguarding audits (versioned
 * frameworks, cycles, agency returns with evidence and attachments, moderation and peer challenge,
 * results), case audits (confidential), the voice of practitioners, children and families (recorded
 * evidence and anonymous practitioner surveys), the quadrant of evidence, and the quality assurance
 * section of the annual report and the audit subgroup's report.
 *
 * Its parts, in this order: seeds run in it (the frameworks and the schools before the demo cycles
 * that use both, the cycles before the returns' evidence, the quadrant last, reading everything).
 */
const parts: AssurancePart[] = [
  settingsPart,
  hubPart,
  frameworksPart,
  schoolsPart,
  cyclesPart,
  resultsPart,
  returnsPart,
  caseAuditsPart,
  voicePart,
  quadrantPart,
]

export const assuranceModule = defineModule({
  name: 'assurance',
  permissions: {
    'assurance:read': {
      description:
        'Read section 11 and schools’ audit results, the voice of practitioners, children and families, the quadrant of evidence and the case audits they are named on',
      roles: {
        'business-unit': true,
        chair: true,
        'board-member': true,
        'subgroup-member': true,
        'agency-lead': true,
      },
    },
    'assurance:respond': {
      description: 'Fill in and submit their agency’s section 11 return, and answer challenge questions on it',
      roles: { 'business-unit': true, 'agency-lead': true },
    },
    'assurance:moderate': {
      description:
        'Moderate the returns they are named on: agree or change each grade with a reason, and ask challenge questions',
      roles: { 'business-unit': true, 'subgroup-member': true, 'agency-lead': true },
    },
    'assurance:audit': {
      description: 'Record the cases, grades, findings and learning of the case audits they are named on',
      roles: { 'business-unit': true, 'subgroup-member': true, 'agency-lead': true },
    },
    'assurance:manage': {
      description:
        'Keep audit frameworks, run section 11 and schools’ audit cycles, import schools, set up case audits, record the voice of practitioners, children and families, and run surveys',
      roles: { 'business-unit': true },
    },
  },
  routes: async (app) => {
    for (const part of parts) if (part.routes) await app.register(part.routes)
  },
  navigation: [{ href: '/assurance', text: 'Quality assurance', permission: 'assurance:read', order: 37 }],
  homePanels: parts.flatMap((part) => part.homePanels ?? []),
  recordTypes: Object.assign({}, ...parts.map((part) => part.recordTypes ?? {})),
  figures: parts.flatMap((part) => part.figures ?? []),
  sections: parts.flatMap((part) => part.sections ?? []),
  recordDates: async (db, partnershipId) =>
    (await Promise.all(parts.map((part) => part.recordDates?.(db, partnershipId) ?? []))).flat(),
  jobs: parts.flatMap((part) => part.jobs ?? []),
  recurring: parts.flatMap((part) => part.recurring ?? []),
  seed: async (db, context) => {
    for (const part of parts) await part.seed?.(db, context)
  },
  matrixIds: async (db, partnershipId) => {
    const ids: Record<string, string> = {}
    for (const part of parts) Object.assign(ids, await part.matrixIds?.(db, partnershipId))
    return ids
  },
})
