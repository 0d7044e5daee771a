import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { SeedContext } from '../../platform/modules.ts'
import { systemActor } from '../../platform/permissions.ts'
import { boardChairIn } from '../partnership/chair.ts'
import { groups } from '../partnership/schema.ts'
import { draftCabinetPaper } from './cabinet-paper/service.ts'
import { createReport, getReport, saveNarrative } from './service.ts'
import { moveReport } from './transitions.ts'

/**
 * The demo's reports: 2015/16 approved and published (so 2016/17 has last year beside it), the
 * 2016/17 annual report and the reports of the Case Review and Governance and the Performance,
 * Audit and Quality Assurance subgroups drafted with their narrative, and the cabinet paper drafted from the 2016/17 report. The narrative follows the
 * seed cabinet paper in spirit, in our own words; every number in it is a placeholder.
 */
const narrative2016 = {
  introduction: `The Board is led by an independent chair and brings together {{partnership.agencies-on-board}} partner agencies: the county council and the district and city councils, the police, probation and the community rehabilitation company, the clinical commissioning group and the hospital and community health trusts, schools and further education colleges, the armed forces, the voluntary and community sector, and lay members who speak for the public. {{partnership.board-members}} people sat on the Board during 2016/17.

The Board meets four times a year. It is funded through a partnership arrangement, to which {{partnership.funding-agencies}} agencies contribute, and is supported by a business unit hosted by the County Council.

Much of the Board's work is done by its {{partnership.subgroups}} multi-agency subgroups, in which {{partnership.subgroup-members}} people took part during the year. Two of them look at learning and improvement in practice: the Case Review and Governance subgroup and the Performance, Audit and Quality Assurance subgroup. Each produces an annual report of its own.`,
  changes: `Agencies changed some of their representatives during the year: {{partnership.members-joined}} memberships of the Board and its subgroups began and {{partnership.members-left}} came to an end.`,
}

const narrative2015 = {
  introduction: `The Board is chaired independently and brings together {{partnership.agencies-on-board}} partner agencies from across the county. {{partnership.board-members}} people sat on the Board during 2015/16. Its subgroups, {{partnership.subgroups}} in all that year, carried out much of its detailed work.`,
  changes: '',
}

const caseReviewNarrative = {
  introduction: `The subgroup supports the Board in its statutory duty to review cases, both where the criteria for a serious case review are met and where they are not, so that the partnership learns how agencies worked together and where practice must improve. Its members come from the police, children's social care and legal services, health, and schools.`,
  changes: '',
}

const qualityAssuranceNarrative = {
  // The seed paper's ¶14 (the sources and the quadrant) is the quality assurance section's own narrative.
  introduction: `The subgroup is chaired by a senior manager from one of the partner agencies. Its members come from children's social care, health, the police, education and the voluntary sector, and it reports to the Board.`,
  changes: '',
}

/**
 * The two subgroups that report on learning and improvement (the seed paper's ¶14–16), each with
 * the sections it speaks to, taken by name from what the modules registered.
 */
const subgroupReports = [
  {
    group: 'Case Review and Governance',
    sections: ['partnership.structure', 'reviews.case-reviews'],
    narrative: caseReviewNarrative,
  },
  {
    group: 'Performance, Audit and Quality Assurance',
    sections: [
      'partnership.structure',
      'performance.performance',
      'performance.business-plan',
      'assurance.quality-assurance',
    ],
    narrative: qualityAssuranceNarrative,
  },
]

export async function seedReports(db: Database, { partnershipId, registry }: SeedContext) {
  const business = systemActor(partnershipId, 'Demo data')
  const sections = registry.sections.map((s) => s.name)
  const write = async (reportId: string, text: Record<string, string>) => {
    const report = await getReport(db, business, reportId)
    for (const section of registry.sections.filter((s) => report.sections.includes(s.name)))
      await saveNarrative(
        db,
        business,
        report,
        section.name,
        section.definition.narrative.map((slot) => ({ slot: slot.key, markdown: text[slot.key] ?? '', version: null })),
      )
    return getReport(db, business, reportId)
  }

  // 2015/16: written, submitted, approved by the chair and published.
  const lastYear = await createReport(db, business, { kind: 'annual', startYear: 2015, groupId: null, sections })
  let report = await write(lastYear, narrative2015)
  await moveReport(db, registry, business, report, 'submit', { version: report.version })
  report = await getReport(db, business, lastYear)
  const chair = await boardChairIn(db, partnershipId, report.year)
  const chairActor = systemActor(partnershipId, chair?.name ?? 'The chair')
  await moveReport(db, registry, chairActor, report, 'approve', { version: report.version })
  report = await getReport(db, business, lastYear)
  await moveReport(db, registry, business, report, 'publish', { version: report.version })

  // 2016/17: drafted, with the cabinet paper prepared alongside.
  const thisYear = await createReport(db, business, { kind: 'annual', startYear: 2016, groupId: null, sections })
  report = await write(thisYear, narrative2016)
  await draftCabinetPaper(db, registry, business, report, 'Cabinet')

  for (const subgroup of subgroupReports) {
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.partnershipId, partnershipId), eq(groups.name, subgroup.group)))
    if (!group) continue
    const reportId = await createReport(db, business, {
      kind: 'subgroup',
      startYear: 2016,
      groupId: group.id,
      sections: sections.filter((name) => subgroup.sections.includes(name)),
    })
    await write(reportId, subgroup.narrative)
  }
}
