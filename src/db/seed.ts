import { eq } from 'drizzle-orm'
import type { Database } from './index.ts'
import { recordAudit } from '../platform/audit.ts'
import { hashPassword } from '../platform/passwords.ts'
import { systemActor, type Role } from '../platform/permissions.ts'
import { partnerships, userRoles, users } from '../platform/schema.ts'
import { addMembership, createAgency, createGroup, createPerson } from '../modules/partnership/service.ts'
import type { AgencyType, MembershipRole } from '../modules/partnership/schema.ts'

/**
 * The demo partnership: the board described in the seed cabinet paper (Oxfordshire, 2016/17),
 * with invented people. Later modules add their demo data to the same partnership.
 */
export const demoPassword = 'board-demo-password'
export const demoLocalAuthorityCode = 'E10000025'

export const demoAccounts: { email: string; name: string; role: Role; agency?: string; person?: string }[] = [
  { email: 'admin@oscb.example', name: 'Priya Shah', role: 'administrator', person: 'Priya Shah' },
  { email: 'business.unit@oscb.example', name: 'Tom Whitfield', role: 'business-unit', person: 'Tom Whitfield' },
  { email: 'chair@oscb.example', name: 'Helen Ashworth', role: 'chair', person: 'Helen Ashworth' },
  { email: 'board.member@oscb.example', name: 'David Okafor', role: 'board-member', person: 'David Okafor' },
  {
    email: 'subgroup.member@oscb.example',
    name: 'Grace Lindqvist',
    role: 'subgroup-member',
    person: 'Grace Lindqvist',
  },
  {
    email: 'agency.lead@oscb.example',
    name: 'Sam Patel',
    role: 'agency-lead',
    agency: 'Oxford Health NHS Foundation Trust',
    person: 'Sam Patel',
  },
  { email: 'trainer@oscb.example', name: 'Ruth Evans', role: 'trainer', person: 'Ruth Evans' },
  { email: 'read.only@oscb.example', name: 'Mark Bennett', role: 'read-only' },
]

const agencyList: [string, AgencyType, boolean][] = [
  ['Oxfordshire County Council', 'local-authority', true],
  ['Oxford City Council', 'local-authority', true],
  ['Cherwell District Council', 'local-authority', true],
  ['South Oxfordshire District Council', 'local-authority', true],
  ['Vale of White Horse District Council', 'local-authority', true],
  ['West Oxfordshire District Council', 'local-authority', true],
  ['National Probation Service', 'probation', true],
  ['Thames Valley Community Rehabilitation Company', 'probation', true],
  ['Thames Valley Police', 'police', true],
  ['Oxfordshire Clinical Commissioning Group', 'health', true],
  ['Oxford University Hospitals NHS Foundation Trust', 'health', true],
  ['Oxford Health NHS Foundation Trust', 'health', true],
  ['Schools', 'education', false],
  ['Further education colleges', 'education', false],
  ['Armed forces (RAF Brize Norton)', 'military', false],
  ['Voluntary and community sector', 'voluntary-and-community-sector', false],
  ['Lay members', 'lay-members', false],
]

const peopleList: [string, string, string][] = [
  ['Helen Ashworth', 'Independent Chair', 'Oxfordshire County Council'],
  ['Priya Shah', 'Business Unit Manager', 'Oxfordshire County Council'],
  ['Tom Whitfield', 'Business Unit Officer', 'Oxfordshire County Council'],
  ['Ruth Evans', 'Training Officer', 'Oxfordshire County Council'],
  ['David Okafor', 'Director of Children’s Services', 'Oxfordshire County Council'],
  ['Claire Morgan', 'Deputy Director, Safeguarding', 'Oxfordshire County Council'],
  ['Ian Hughes', 'Head of Community Services', 'Oxford City Council'],
  ['Fiona Grant', 'Community Safety Manager', 'Cherwell District Council'],
  ['Raj Malhotra', 'Housing Services Manager', 'South Oxfordshire District Council'],
  ['Julia Brooks', 'Partnership Manager', 'Vale of White Horse District Council'],
  ['Owen Price', 'Head of Communities', 'West Oxfordshire District Council'],
  ['Sarah Quinn', 'Head of Oxfordshire Local Delivery Unit', 'National Probation Service'],
  ['Mike Donnelly', 'Director of Operations', 'Thames Valley Community Rehabilitation Company'],
  ['Detective Superintendent Kate Lyons', 'Head of Protecting Vulnerable People', 'Thames Valley Police'],
  ['Anna Kowalski', 'Designated Nurse for Safeguarding Children', 'Oxfordshire Clinical Commissioning Group'],
  ['Dr Ben Adeyemi', 'Designated Doctor for Safeguarding Children', 'Oxfordshire Clinical Commissioning Group'],
  ['Lucy Hart', 'Chief Nurse', 'Oxford University Hospitals NHS Foundation Trust'],
  ['Sam Patel', 'Head of Safeguarding', 'Oxford Health NHS Foundation Trust'],
  ['Grace Lindqvist', 'Named Nurse, Safeguarding Children', 'Oxford Health NHS Foundation Trust'],
  ['Nicola Fraser', 'Headteacher, primary phase representative', 'Schools'],
  ['Paul Simmons', 'Headteacher, secondary phase representative', 'Schools'],
  ['Hannah Lee', 'Vice Principal', 'Further education colleges'],
  ['Squadron Leader James Carter', 'Station Welfare Officer', 'Armed forces (RAF Brize Norton)'],
  ['Maria Santos', 'Chief Executive, Oxfordshire Youth', 'Voluntary and community sector'],
  ['Peter Walsh', 'Lay member', 'Lay members'],
  ['Joy Mensah', 'Lay member', 'Lay members'],
]

const groupList: { name: string; kind: 'board' | 'subgroup'; purpose: string; members: [string, MembershipRole][] }[] =
  [
    {
      name: 'Oxfordshire Safeguarding Children Board',
      kind: 'board',
      purpose:
        'Co-ordinates and checks the effectiveness of what local agencies do to safeguard and promote the welfare of children in Oxfordshire. Meets four times a year.',
      members: [
        ['Helen Ashworth', 'independent-chair'],
        ['David Okafor', 'member'],
        ['Ian Hughes', 'member'],
        ['Fiona Grant', 'member'],
        ['Raj Malhotra', 'member'],
        ['Julia Brooks', 'member'],
        ['Owen Price', 'member'],
        ['Sarah Quinn', 'member'],
        ['Mike Donnelly', 'member'],
        ['Detective Superintendent Kate Lyons', 'member'],
        ['Anna Kowalski', 'member'],
        ['Lucy Hart', 'member'],
        ['Sam Patel', 'member'],
        ['Nicola Fraser', 'member'],
        ['Paul Simmons', 'member'],
        ['Hannah Lee', 'member'],
        ['Squadron Leader James Carter', 'member'],
        ['Maria Santos', 'member'],
        ['Peter Walsh', 'member'],
        ['Joy Mensah', 'member'],
        ['Dr Ben Adeyemi', 'adviser'],
        ['Priya Shah', 'adviser'],
      ],
    },
    {
      name: 'Case Review and Governance',
      kind: 'subgroup',
      purpose:
        'Decides which cases need a serious case review or another kind of review, oversees the reviews, and tracks their recommendations to completion.',
      members: [
        ['Claire Morgan', 'chair'],
        ['Detective Superintendent Kate Lyons', 'vice-chair'],
        ['Anna Kowalski', 'member'],
        ['Dr Ben Adeyemi', 'member'],
        ['Grace Lindqvist', 'member'],
        ['Sarah Quinn', 'member'],
        ['Tom Whitfield', 'adviser'],
      ],
    },
    {
      name: 'Performance, Audit and Quality Assurance',
      kind: 'subgroup',
      purpose:
        'Scrutinises the effectiveness of safeguarding practice through a quadrant of quantitative data, qualitative data, practitioner views and child and family views.',
      members: [
        ['Anna Kowalski', 'chair'],
        ['Claire Morgan', 'vice-chair'],
        ['Grace Lindqvist', 'member'],
        ['Lucy Hart', 'member'],
        ['Nicola Fraser', 'member'],
        ['Maria Santos', 'member'],
        ['Ruth Evans', 'member'],
        ['Priya Shah', 'adviser'],
      ],
    },
  ]

export interface SeedOptions {
  /** Tests make several partnerships; the demo uses the seed paper's. */
  name?: string
  shortName?: string
  area?: string
  localAuthorityCode?: string
  emailDomain?: string
}

/** Loads the demo partnership once. Returns its id, and whether it was created now. */
export async function seedDemoData(db: Database, options: SeedOptions = {}) {
  const code = options.localAuthorityCode ?? demoLocalAuthorityCode
  const [existing] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.localAuthorityCode, code))
  if (existing) return { partnershipId: existing.id, created: false }

  const [partnership] = await db
    .insert(partnerships)
    .values({
      name: options.name ?? 'Oxfordshire Safeguarding Children Board',
      shortName: options.shortName ?? 'OSCB',
      area: options.area ?? 'Oxfordshire',
      localAuthorityCode: code,
      yearStartMonth: 4,
      terminology: 'board',
    })
    .returning()
  const actor = systemActor(partnership!.id, 'Demo data')
  await recordAudit(db, actor, {
    action: 'created',
    recordType: 'partnership',
    recordId: partnership!.id,
    summary: 'Loaded the demo partnership',
  })

  const agencyIds = new Map<string, string>()
  for (const [name, type, contributesFunding] of agencyList) {
    agencyIds.set(name, await createAgency(db, actor, { name, type, contributesFunding, active: true }))
  }
  const domain = options.emailDomain ?? 'oscb.example'
  const personIds = new Map<string, string>()
  for (const [name, jobTitle, agency] of peopleList) {
    const email = `${name
      .split(' ')
      .slice(-2)
      .join('.')
      .toLowerCase()
      .replace(/[^a-z.]/g, '')}@${domain}`
    personIds.set(
      name,
      await createPerson(db, actor, { name, jobTitle, agencyId: agencyIds.get(agency) ?? null, email }),
    )
  }
  for (const group of groupList) {
    const groupId = await createGroup(db, actor, {
      name: group.name,
      kind: group.kind,
      purpose: group.purpose,
      active: true,
    })
    for (const [person, role] of group.members) {
      await addMembership(db, actor, groupId, {
        personId: personIds.get(person)!,
        role,
        startsOn: '2016-04-01',
        endsOn: null,
      })
    }
  }

  const passwordHash = await hashPassword(demoPassword)
  for (const account of demoAccounts) {
    const email = account.email.replace('oscb.example', domain)
    const [user] = await db
      .insert(users)
      .values({
        partnershipId: partnership!.id,
        email,
        name: account.name,
        passwordHash,
        status: 'active',
        agencyId: account.agency ? agencyIds.get(account.agency)! : null,
        personId: account.person ? personIds.get(account.person)! : null,
      })
      .returning()
    await db.insert(userRoles).values({ userId: user!.id, role: account.role })
    await recordAudit(db, actor, {
      action: 'created',
      recordType: 'user',
      recordId: user!.id,
      summary: `Created demo account for ${account.name}`,
      after: { email, role: account.role },
    })
  }
  return { partnershipId: partnership!.id, created: true }
}
