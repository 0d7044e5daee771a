import type { Database } from '../../db/index.ts'
import type { SeedContext, SeedResult } from '../../platform/modules.ts'
import { createAgency } from './agencies/service.ts'
import { createGroup } from './groups/service.ts'
import { addMembership } from './memberships/service.ts'
import { createPerson, markAsLeft } from './people/service.ts'
import type { AgencyType, MembershipRole } from './schema.ts'

/**
 * The demo directory: the board described in the seed cabinet paper (Oxfordshire, 2016/17), its
 * agencies and subgroups, with invented people.
 */
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
  ['Alan Rees', 'Director of Operations', 'Thames Valley Community Rehabilitation Company'],
]

/** Alan Rees left at the end of January 2016, so the 2015/16 and 2016/17 reports differ. */
const leavers: [string, string][] = [['Alan Rees', '2016-01-31']]

/** A seat: who, in what role, and from when until when when it differs from the group's `since`. */
type Seat = [person: string, role: MembershipRole, startsOn?: string, endsOn?: string]

/**
 * The board has sat since September 2014 (Mike Donnelly joined in April 2016, when Alan Rees had
 * left); Performance, Audit and Quality Assurance since April 2015 (Paul Simmons gave up his seat
 * in October 2016); Case Review and Governance was set up in April 2016.
 */
const groupList: { name: string; kind: 'board' | 'subgroup'; purpose: string; since: string; members: Seat[] }[] = [
  {
    name: 'Oxfordshire Safeguarding Children Board',
    kind: 'board',
    purpose:
      'Co-ordinates and checks the effectiveness of what local agencies do to safeguard and promote the welfare of children in Oxfordshire. Meets four times a year.',
    since: '2014-09-01',
    members: [
      ['Helen Ashworth', 'independent-chair'],
      ['David Okafor', 'member'],
      ['Ian Hughes', 'member'],
      ['Fiona Grant', 'member'],
      ['Raj Malhotra', 'member'],
      ['Julia Brooks', 'member'],
      ['Owen Price', 'member'],
      ['Sarah Quinn', 'member'],
      ['Mike Donnelly', 'member', '2016-04-01'],
      ['Alan Rees', 'member'],
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
    since: '2016-04-01',
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
    since: '2015-04-01',
    members: [
      ['Anna Kowalski', 'chair'],
      ['Claire Morgan', 'vice-chair'],
      ['Grace Lindqvist', 'member'],
      ['Lucy Hart', 'member'],
      ['Nicola Fraser', 'member'],
      ['Maria Santos', 'member'],
      ['Ruth Evans', 'member'],
      ['Paul Simmons', 'member', '2015-04-01', '2016-10-31'],
      ['Priya Shah', 'adviser'],
    ],
  },
]

/** The demo accounts' entries in the directory, by their email's local part. */
const accountPeople: Record<string, { person: string; agency?: string }> = {
  admin: { person: 'Priya Shah' },
  'business.unit': { person: 'Tom Whitfield' },
  chair: { person: 'Helen Ashworth' },
  'board.member': { person: 'David Okafor' },
  'subgroup.member': { person: 'Grace Lindqvist' },
  'agency.lead': { person: 'Sam Patel', agency: 'Oxford Health NHS Foundation Trust' },
  trainer: { person: 'Ruth Evans' },
}

export async function seedDirectory(db: Database, { actor, emailDomain }: SeedContext): Promise<SeedResult> {
  const agencyIds = new Map<string, string>()
  for (const [name, type, contributesFunding] of agencyList) {
    agencyIds.set(name, await createAgency(db, actor, { name, type, contributesFunding, active: true }))
  }
  const personIds = new Map<string, string>()
  for (const [name, jobTitle, agency] of peopleList) {
    const email = `${name
      .split(' ')
      .slice(-2)
      .join('.')
      .toLowerCase()
      .replace(/[^a-z.]/g, '')}@${emailDomain}`
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
    for (const [person, role, startsOn, endsOn] of group.members) {
      await addMembership(db, actor, groupId, {
        personId: personIds.get(person)!,
        role,
        startsOn: startsOn ?? group.since,
        endsOn: endsOn ?? null,
      })
    }
  }
  // Leaving ends their seats that day, as it does in the app.
  for (const [person, leftOn] of leavers) await markAsLeft(db, actor, personIds.get(person)!, 1, leftOn)
  return {
    accountLinks: Object.fromEntries(
      Object.entries(accountPeople).map(([account, { person, agency }]) => [
        account,
        { personId: personIds.get(person)!, agencyId: agency ? agencyIds.get(agency)! : null },
      ]),
    ),
  }
}
