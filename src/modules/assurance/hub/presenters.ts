import { linkHtml, tagHtml } from '../../../platform/html.ts'
import { can, type Actor, type Permission } from '../../../platform/permissions.ts'
import { formatDate } from '../../../platform/views.ts'
import type { ReturnStatus } from '../audit-schema.ts'
import { returnStatusColours, returnStatusLabels } from '../labels.ts'
import type { HubCounts } from './service.ts'

/** The landing page's links and tables. Pure. */

const counted = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export interface HubLink {
  href: string
  text: string
  /** One line: what is there. */
  hint: string
}

/** The parts of quality assurance, each shown only to those whose permissions open it. */
export function hubLinks(actor: Actor, counts: HubCounts): HubLink[] {
  const cycles = (kind: 'section-11' | 'schools') => {
    const { all, open } = counts.cycles[kind]
    return all ? `${counted(all, 'cycle', 'cycles')}, ${open.toLocaleString('en-GB')} open` : 'No cycles yet'
  }
  const links: (HubLink & { permission: Permission })[] = [
    {
      href: '/assurance/cycles?kind=section-11',
      text: 'Section 11 audits',
      hint: `Agencies’ self-assessments against the section 11 standards, moderated: ${cycles('section-11')}`,
      permission: 'assurance:read',
    },
    {
      href: '/assurance/cycles?kind=schools',
      text: 'Schools’ safeguarding audit',
      hint: `Schools’ and colleges’ section 175 and 157 self-assessments: ${cycles('schools')}`,
      permission: 'assurance:read',
    },
    {
      href: '/assurance/frameworks',
      text: 'Audit frameworks',
      hint: `The standards, criteria and grading scale each audit uses: ${counted(counts.frameworks, 'framework', 'frameworks')}`,
      permission: 'assurance:manage',
    },
    {
      href: '/assurance/schools',
      text: 'Schools and colleges',
      hint: `The schools’ audit’s responding organisations, by URN, with their designated safeguarding leads: ${counted(counts.schools, 'school', 'schools')}`,
      permission: 'assurance:read',
    },
    {
      href: '/assurance/case-audits',
      text: 'Case audits',
      hint: `Single- and multi-agency audits of practice in a sample of cases: ${counted(counts.caseAudits.all, 'audit', 'audits')}, ${counts.caseAudits.inProgress.toLocaleString('en-GB')} in progress`,
      permission: 'assurance:read',
    },
    {
      href: '/assurance/voice',
      text: 'Voice of practitioners, children and families',
      hint: `Surveys and consultations recorded as evidence: ${counted(counts.voiceRecords, 'record', 'records')}`,
      permission: 'assurance:read',
    },
    {
      href: '/assurance/surveys',
      text: 'Practitioner surveys',
      hint: `Short surveys answered anonymously through a public link: ${counted(counts.surveys.all, 'survey', 'surveys')}, ${counts.surveys.open.toLocaleString('en-GB')} open`,
      permission: 'assurance:manage',
    },
    {
      href: '/assurance/quadrant',
      text: 'The quadrant of evidence',
      hint: 'For a theme or business plan priority: performance data, case audits, practitioners’ views, and children’s and families’ views side by side',
      permission: 'assurance:read',
    },
    {
      href: '/assurance/settings',
      text: 'Settings',
      hint: counts.auditGroup ? `The audit subgroup is ${counts.auditGroup}` : 'No audit subgroup is chosen',
      permission: 'assurance:manage',
    },
  ]
  return links.filter((link) => can(actor, link.permission)).map(({ permission: _, ...link }) => link)
}

export interface OpenReturn {
  id: string
  status: ReturnStatus
  cycleName: string
  dueOn: string
  agencyName: string
}

/** The returns table: cycle (linking to the return), agency, status, due date. */
export function openReturnRows(rows: OpenReturn[]) {
  return rows.map((r) => [
    { html: linkHtml(`/assurance/returns/${r.id}`, r.cycleName, `: ${r.agencyName}`) },
    { text: r.agencyName },
    { html: tagHtml(returnStatusLabels[r.status], returnStatusColours[r.status]) },
    { text: formatDate(r.dueOn) },
  ])
}
