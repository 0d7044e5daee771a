import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agencyCsv, agencyRows, agencyTypeItems } from './agencies/presenters.ts'
import { groupRows } from './groups/presenters.ts'
import { memberRows } from './memberships/presenters.ts'
import { personCsv, personHint, personRows, personSummary, seatsEndingText } from './people/presenters.ts'
import { monthItems, partnershipSummary } from './settings/presenters.ts'

const police = {
  id: 'a1',
  name: 'Thames Valley Police',
  type: 'police' as const,
  contributesFunding: true,
  active: true,
  peopleCount: 3,
}
const laymembers = {
  id: 'a2',
  name: 'Lay members',
  type: 'lay-members' as const,
  contributesFunding: false,
  active: false,
  peopleCount: 0,
}

describe('agencyRows', () => {
  it('gives each agency a row linking to its page, with its type, funding, people and status', () => {
    assert.deepEqual(agencyRows([police, laymembers]), [
      [
        { html: '<a class="govuk-link" href="/directory/agencies/a1">Thames Valley Police</a>' },
        { text: 'Police' },
        { text: 'Yes' },
        { text: '3', format: 'numeric' },
        { html: '<strong class="govuk-tag govuk-tag--green">Active</strong>' },
      ],
      [
        { html: '<a class="govuk-link" href="/directory/agencies/a2">Lay members</a>' },
        { text: 'Lay members' },
        { text: 'No' },
        { text: '0', format: 'numeric' },
        { html: '<strong class="govuk-tag govuk-tag--grey">Inactive</strong>' },
      ],
    ])
  })

  it('escapes HTML in an agency’s name', () => {
    const [row] = agencyRows([{ ...police, name: 'Smith & Jones <script>alert("x")</script>' }])
    assert.equal(
      row![0]!.html,
      '<a class="govuk-link" href="/directory/agencies/a1">Smith &amp; Jones &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>',
    )
  })
})

describe('agencyCsv', () => {
  it('has a header row, then one plain-text row per agency', () => {
    assert.deepEqual(agencyCsv([police, laymembers]), [
      ['Name', 'Type', 'Contributes funding', 'People', 'Status'],
      ['Thames Valley Police', 'Police', 'Yes', 3, 'Active'],
      ['Lay members', 'Lay members', 'No', 0, 'Inactive'],
    ])
  })
})

describe('monthItems', () => {
  it('offers the twelve months and selects none, so the form’s value decides', () => {
    const items = monthItems()
    assert.equal(items.length, 12)
    assert.deepEqual(items[8], { value: '9', text: 'September' })
    assert.equal(
      items.some((item) => 'selected' in item),
      false,
    )
  })
})

describe('agencyTypeItems', () => {
  it('offers every type, the partner agencies first for a filter then every type, and selects none (the value decides)', () => {
    const items = agencyTypeItems(true)
    assert.deepEqual(items.slice(0, 2), [
      { value: '', text: 'Any partner agency' },
      { value: 'all', text: 'Any type, including schools' },
    ])
    assert.ok(items.some((item) => item.value === 'school' && item.text === 'School or college'))
    assert.equal(items.length, 12)
    assert.equal(
      items.some((item) => 'selected' in item || 'checked' in item),
      false,
    )
  })
})

describe('people', () => {
  const grace = {
    id: 'p1',
    name: 'Grace <Lindqvist>',
    jobTitle: 'Named Nurse',
    email: 'grace@example.org',
    agencyId: 'a9',
    agencyName: 'Oxford Health & Care',
  }
  const noAgency = { id: 'p2', name: 'Peter Walsh', jobTitle: null, email: null, agencyId: null, agencyName: null }

  it('lists a person with links to them and their agency, names escaped', () => {
    assert.deepEqual(personRows([grace, noAgency]), [
      [
        { html: '<a class="govuk-link" href="/directory/people/p1">Grace &lt;Lindqvist&gt;</a>' },
        { text: 'Named Nurse' },
        { html: '<a class="govuk-link" href="/directory/agencies/a9">Oxford Health &amp; Care</a>' },
        { text: 'grace@example.org' },
      ],
      [
        { html: '<a class="govuk-link" href="/directory/people/p2">Peter Walsh</a>' },
        { text: '' },
        { html: '' },
        { text: '' },
      ],
    ])
  })

  it('says beside a name when someone has left or is leaving, and adds a column to the download for it', () => {
    const left = { ...noAgency, leftOn: '2024-03-31', hasLeft: true }
    const leaving = { ...grace, leftOn: '2099-06-30', hasLeft: false }
    assert.equal(
      personRows([left])[0]![0]!.html,
      '<a class="govuk-link" href="/directory/people/p2">Peter Walsh</a> <strong class="govuk-tag govuk-tag--grey">Left 31 March 2024</strong>',
    )
    assert.match(personRows([leaving])[0]![0]!.html!, /govuk-tag--grey">Leaving 30 June 2099</)
    assert.equal(personHint(left), 'left 31 March 2024')
    assert.equal(personHint(leaving), 'Named Nurse, Oxford Health & Care, leaving 30 June 2099')
    assert.deepEqual(personCsv([left], { withLeftOn: true }), [
      ['Name', 'Job title', 'Agency', 'Email', 'Left on'],
      ['Peter Walsh', null, null, null, '2024-03-31'],
    ])
    assert.deepEqual(personCsv([left])[0], ['Name', 'Job title', 'Agency', 'Email'])
    assert.deepEqual(personSummary(left).at(-1), { key: { text: 'Left on' }, value: { text: '31 March 2024' } })
  })

  it('warns which groups’ seats end when someone leaves', () => {
    assert.equal(seatsEndingText([]), null)
    assert.equal(seatsEndingText(['Board']), 'Their membership of Board will end on their last day.')
    assert.equal(seatsEndingText(['A', 'B', 'C']), 'Their membership of A, B and C will end on their last day.')
  })

  it('says what is not recorded on a person’s page', () => {
    assert.deepEqual(
      personSummary(noAgency).map((row) => [row.key.text, 'text' in row.value ? row.value.text : row.value.html]),
      [
        ['Name', 'Peter Walsh'],
        ['Job title', 'Not recorded'],
        ['Agency', 'None'],
        ['Email', 'Not recorded'],
      ],
    )
  })
})

describe('groups and members', () => {
  it('counts current members and names the kind of group', () => {
    assert.deepEqual(
      groupRows([
        { id: 'g1', name: 'Case Review and Governance', kind: 'subgroup', active: true, memberCount: 7, purpose: null },
      ])[0]!.slice(1, 3),
      [{ text: 'Subgroup' }, { text: '7', format: 'numeric' }],
    )
  })

  const membership = {
    id: 'm1',
    groupId: 'g1',
    groupName: 'Case Review and Governance',
    personId: 'p1',
    personName: 'Anna "AK" Kowalski',
    jobTitle: 'Designated Nurse',
    agencyName: 'Oxfordshire Clinical Commissioning Group',
    role: 'vice-chair' as const,
    startsOn: '2016-04-01',
    endsOn: null,
    current: true,
  }

  it('shows a member’s role and dates, and a change link only to those who manage the directory', () => {
    const [readOnly] = memberRows([membership], false)
    assert.deepEqual(readOnly!.slice(1), [
      { text: 'Oxfordshire Clinical Commissioning Group' },
      { text: 'Vice-chair' },
      { text: '1 April 2016' },
      { text: 'Current' },
    ])
    const [managed] = memberRows([membership], true)
    assert.equal(managed!.length, 6)
    assert.equal(
      managed![5]!.html,
      '<a class="govuk-link" href="/directory/groups/g1/members/m1/edit">Change<span class="govuk-visually-hidden"> Anna &quot;AK&quot; Kowalski’s membership</span></a>',
    )
  })

  it('shows when a past member left', () => {
    const [row] = memberRows([{ ...membership, endsOn: '2017-03-31', current: false }], false)
    assert.deepEqual(row![4], { text: '31 March 2017' })
  })
})

describe('partnershipSummary', () => {
  it('names the month the reporting year starts and what the partnership is called', () => {
    const rows = partnershipSummary({
      name: 'OSCB',
      shortName: 'OSCB',
      area: 'Oxfordshire',
      localAuthorityCode: 'E10000025',
      yearStartMonth: 9,
      terminology: 'partnership',
    })
    assert.deepEqual(rows.slice(4), [
      { key: { text: 'Reporting year starts' }, value: { text: '1 September' } },
      { key: { text: 'Called' }, value: { text: 'Partnership (multi-agency safeguarding arrangements)' } },
    ])
  })
})
