import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { SeedContext } from '../../../platform/modules.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { businessPlans, planPriorities } from '../../performance/schema.ts'
import { themes } from '../../themes/schema.ts'
import type { PracticeGrade } from '../scales.ts'
import { addAuditCase } from './cases.ts'
import { addAuditLearningPoint } from './learning.ts'
import { addAuditRecommendation, addAuditRecommendationAction, changeAuditRecommendation } from './recommendations.ts'
import { createAudit } from './service.ts'

/**
 * The demo's three case audits of 2016/17 (the seed paper's ¶14–15: "single and multi-agency
 * audits"): neglect (multi-agency, linked to the plan's neglect priority), adolescents at risk
 * (multi-agency) and domestic abuse (Thames Valley Police alone), with graded cases, findings,
 * learning points tagged with themes and recommendations, one complete with its evidence. Cheap
 * (a few dozen rows), so every partnership gets it; a partnership without the demo directory's
 * names gets what can be matched.
 */

interface DemoCase {
  reference: string
  grade: PracticeGrade
  agencies: [agency: string, grade: PracticeGrade][]
}

interface DemoAudit {
  title: string
  theme: string
  agency?: string
  heldOn: string
  priority?: string
  auditors: string[]
  findings: string
  cases: DemoCase[]
  learning: [text: string, themes: string[]][]
  recommendations: { text: string; agency: string; dueOn: string; action?: string; completed?: [string, string] }[]
}

const police = 'Thames Valley Police'
const council = 'Oxfordshire County Council'
const health = 'Oxford Health NHS Foundation Trust'
const hospitals = 'Oxford University Hospitals NHS Foundation Trust'

const c = (reference: string, grade: PracticeGrade, ...graded: [string, PracticeGrade][]): DemoCase => ({
  reference,
  grade,
  agencies: graded,
})

const demoAudits: DemoAudit[] = [
  {
    title: 'Multi-agency neglect audit',
    theme: 'Neglect',
    heldOn: '2016-11-16',
    priority: 'Tackling neglect',
    auditors: ['Grace Lindqvist', 'Detective Superintendent Kate Lyons', 'Anna Kowalski', 'Claire Morgan'],
    findings:
      'Once a plan was in place, agencies worked well together and children were seen regularly. In four of the six cases long-term neglect drifted before anyone acted: practitioners accepted what parents said about improvements without checking, and the neglect toolkit was used in only two cases. Fathers and male carers were rarely part of the assessment.',
    cases: [
      c('NEG-2016-01', 'good', [council, 'good'], [health, 'good'], [police, 'good']),
      c('NEG-2016-02', 'requires-improvement', [council, 'requires-improvement'], [health, 'good']),
      c('NEG-2016-03', 'requires-improvement', [council, 'requires-improvement'], [hospitals, 'requires-improvement']),
      c(
        'NEG-2016-04',
        'inadequate',
        [council, 'inadequate'],
        [health, 'requires-improvement'],
        [police, 'requires-improvement'],
      ),
      c('NEG-2016-05', 'requires-improvement', [council, 'good'], [health, 'requires-improvement']),
      c('NEG-2016-06', 'requires-improvement', [council, 'requires-improvement'], [police, 'good']),
    ],
    learning: [
      [
        'Long-term neglect drifts when improvements are taken on trust: check what parents report',
        ['Neglect', 'Professional curiosity'],
      ],
      ['Use the neglect toolkit at the start and at each review of a plan', ['Neglect', 'Drift and delay']],
      ['Involve fathers and male carers in every assessment of neglect', ['Neglect', 'Fathers and male carers']],
    ],
    recommendations: [
      {
        text: 'Embed the neglect toolkit in health visiting and school nursing assessments',
        agency: health,
        dueOn: '2017-03-31',
        action: 'Train every health visiting team in the neglect toolkit',
        completed: [
          'Every health visiting team was trained by February 2017; the toolkit is in the assessment template.',
          '2017-02-28',
        ],
      },
      {
        text: 'Children’s social care managers check the toolkit has been used before a plan is reviewed',
        agency: council,
        dueOn: '2017-06-30',
        action: 'Add the toolkit check to the supervision record',
      },
    ],
  },
  {
    title: 'Adolescents at risk audit',
    theme: 'Adolescents at risk',
    heldOn: '2017-01-25',
    auditors: ['Grace Lindqvist', 'Detective Superintendent Kate Lyons', 'Maria Santos'],
    findings:
      'Risk of exploitation was recognised earlier than a year ago, and the new risk assessment tool was used in most cases. Young people’s own views were not always recorded, and transitions to adult services were planned late.',
    cases: [
      c('ADO-2017-01', 'good', [council, 'good'], [police, 'good']),
      c('ADO-2017-02', 'good', [council, 'good'], [health, 'requires-improvement']),
      c('ADO-2017-03', 'requires-improvement', [council, 'requires-improvement'], [police, 'good']),
      c('ADO-2017-04', 'requires-improvement', [council, 'requires-improvement'], [health, 'requires-improvement']),
    ],
    learning: [
      [
        'Record what the young person says about their own safety, in their words',
        ['Adolescents at risk', 'Voice of the child'],
      ],
      ['Plan the move to adult services from the age of 16', ['Adolescents at risk', 'Transitions between services']],
    ],
    recommendations: [],
  },
  {
    title: 'Domestic abuse single-agency audit',
    theme: 'Domestic abuse',
    agency: police,
    heldOn: '2017-02-22',
    auditors: ['Detective Superintendent Kate Lyons', 'Grace Lindqvist'],
    findings:
      'Officers attending domestic abuse incidents recorded the children present in every case, but notifications to children’s social care were late in two of the four cases.',
    cases: [
      c('DA-2017-01', 'good', [police, 'good']),
      c('DA-2017-02', 'requires-improvement', [police, 'requires-improvement']),
      c('DA-2017-03', 'requires-improvement', [police, 'requires-improvement']),
      c('DA-2017-04', 'good', [police, 'good']),
    ],
    learning: [
      [
        'Notify children’s social care of every incident with children present within 24 hours',
        ['Domestic abuse', 'Information sharing'],
      ],
    ],
    recommendations: [
      {
        text: 'Check the timeliness of notifications to children’s social care each month',
        agency: police,
        dueOn: '2017-09-30',
        action: 'Add notification timeliness to the monthly performance report',
      },
    ],
  },
]

async function idsByName(
  db: Database,
  partnershipId: string,
  table: typeof agencies | typeof people | typeof themes,
  names: string[],
) {
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(eq(table.partnershipId, partnershipId), inArray(table.name, names)))
  return new Map(rows.map((r) => [r.name, r.id]))
}

export async function seedCaseAudits(db: Database, { partnershipId, actor }: SeedContext) {
  const all = <T>(pick: (a: DemoAudit) => T[]) => [...new Set(demoAudits.flatMap(pick))]
  const [agencyIds, personIds, themeIds, priorities] = await Promise.all([
    idsByName(
      db,
      partnershipId,
      agencies,
      all((a) => [
        ...a.cases.flatMap((x) => x.agencies.map(([name]) => name)),
        ...a.recommendations.map((r) => r.agency),
        ...(a.agency ? [a.agency] : []),
      ]),
    ),
    idsByName(
      db,
      partnershipId,
      people,
      all((a) => a.auditors),
    ),
    idsByName(
      db,
      partnershipId,
      themes,
      all((a) => [a.theme, ...a.learning.flatMap(([, t]) => t)]),
    ),
    db
      .select({ id: planPriorities.id, title: planPriorities.title })
      .from(planPriorities)
      .innerJoin(businessPlans, eq(businessPlans.id, planPriorities.planId))
      .where(and(eq(planPriorities.partnershipId, partnershipId), eq(businessPlans.startYear, 2016))),
  ])
  const found = <K>(map: Map<string, K>, names: string[]) => names.flatMap((name) => map.get(name) ?? [])
  for (const demo of demoAudits) {
    const themeId = themeIds.get(demo.theme)
    const agencyId = demo.agency ? agencyIds.get(demo.agency) : null
    if (!themeId || agencyId === undefined) continue
    const id = await createAudit(db, actor, {
      title: demo.title,
      themeId,
      scope: demo.agency ? 'single-agency' : 'multi-agency',
      agencyId,
      heldOn: demo.heldOn,
      status: 'complete',
      planPriorityId: priorities.find((p) => p.title === demo.priority)?.id ?? null,
      auditorIds: found(personIds, demo.auditors),
      findings: demo.findings,
    })
    const audit = { id, title: demo.title }
    for (const one of demo.cases)
      await addAuditCase(db, actor, audit, {
        reference: one.reference,
        grade: one.grade,
        notes: null,
        agencyGrades: one.agencies.flatMap(([name, grade]) => {
          const graded = agencyIds.get(name)
          return graded ? [{ agencyId: graded, grade, comment: null }] : []
        }),
      })
    for (const [text, names] of demo.learning)
      await addAuditLearningPoint(db, actor, audit, { text, themeIds: found(themeIds, names) })
    for (const [n, r] of demo.recommendations.entries()) {
      const owner = agencyIds.get(r.agency)
      if (!owner) continue
      const input = {
        text: r.text,
        agencyId: owner,
        response: null,
        dueOn: r.dueOn,
        status: 'in-progress' as const,
        evidence: null,
        completedOn: null,
      }
      const recommendationId = await addAuditRecommendation(db, actor, audit, input)
      const completed = r.completed && { evidence: r.completed[0], completedOn: r.completed[1] }
      if (r.action)
        await addAuditRecommendationAction(
          db,
          actor,
          audit,
          { id: recommendationId, number: n + 1 },
          {
            description: r.action,
            ownerPersonId: null,
            ownerAgencyId: owner,
            dueOn: r.dueOn,
            completed,
          },
        )
      if (completed)
        await changeAuditRecommendation(db, actor, audit, recommendationId, 1, {
          ...input,
          status: 'complete',
          ...completed,
        })
    }
  }
}
