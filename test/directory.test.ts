import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, count, eq, inArray } from 'drizzle-orm'
import { agencies, groupMemberships, groups, people } from '../src/modules/partnership/schema.ts'
import { auditLog, partnerships } from '../src/platform/schema.ts'
import { insertAgency, insertGroup, insertMembership, insertPartnership, insertPerson } from './builders/index.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, formVersion, history, linkedNames, pageTitle } from './helpers/html.ts'
import { demoEmail, type TestApp } from './helpers/app.ts'
import { drivers } from './helpers/database.ts'
import { idOf, officerForSuite } from './helpers/records.ts'

/**
 * The partnership directory end to end through HTTP: the business unit keeps it, bad input
 * changes nothing, scoped roles see only their part, and the administrator keeps the settings.
 */

// ---------------------------------------------------------------- the database, to check nothing changed

async function directoryCounts(testApp: TestApp) {
  const { db } = testApp.database
  const of = async (table: typeof agencies | typeof people | typeof groups | typeof groupMemberships) =>
    (await db.select({ n: count() }).from(table).where(eq(table.partnershipId, testApp.partnershipId)))[0]!.n
  const [changes] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.partnershipId, testApp.partnershipId),
        inArray(auditLog.recordType, ['partnership', 'agency', 'person', 'group', 'membership']),
      ),
    )
  return {
    agencies: await of(agencies),
    people: await of(people),
    groups: await of(groups),
    memberships: await of(groupMemberships),
    changes: changes!.n,
  }
}

async function membershipOf(testApp: TestApp, groupId: string, personId: string) {
  const [row] = await testApp.database.db
    .select()
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, groupId), eq(groupMemberships.personId, personId)))
  assert.ok(row, 'no such membership')
  return row
}

const dateFields = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
})

for (const driver of drivers) {
  describe(`a business unit officer keeps the directory (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('adds an agency, a person, a group and a member, changes each, and finds every change in its history', async () => {
      const { testApp, officer } = shared

      // An agency
      assert.equal((await officer.get('/directory/agencies/new')).statusCode, 200)
      let response = await officer.post('/directory/agencies/new', {
        name: '  Banbury Youth Trust ',
        type: 'voluntary-and-community-sector',
        contributesFunding: 'true',
        active: 'true',
      })
      assert.equal(response.statusCode, 302)
      const agencyId = await idOf(testApp, agencies, 'Banbury Youth Trust')
      assert.equal(response.headers.location, `/directory/agencies/${agencyId}?saved=1`)
      let page = await officer.get(response.headers.location!)
      assert.match(page.body, /Agency saved/)
      assert.match(page.body, /Voluntary and community sector/)

      const agencyForm = await officer.get(`/directory/agencies/${agencyId}/edit`)
      assert.match(agencyForm.body, /value="Banbury Youth Trust"/)
      assert.match(
        agencyForm.body,
        /value="voluntary-and-community-sector" checked/,
        'the form opens with the agency’s type chosen',
      )
      response = await officer.post(`/directory/agencies/${agencyId}/edit`, {
        version: formVersion(agencyForm.body),
        name: 'Banbury Youth Trust CIO',
        type: 'voluntary-and-community-sector',
        contributesFunding: 'true',
      })
      assert.equal(response.statusCode, 302)
      page = await officer.get(`/directory/agencies/${agencyId}`)
      assert.match(page.body, /<h1 class="govuk-heading-l">Banbury Youth Trust CIO<\/h1>/)
      assert.match(page.body, /govuk-summary-list__value">\s*Inactive/)
      assert.deepEqual(history(page.body), [
        'Changed agency Banbury Youth Trust CIO (by Tom Whitfield)',
        'Added agency Banbury Youth Trust (by Tom Whitfield)',
      ])
      assert.match(page.body, /Name: Banbury Youth Trust → Banbury Youth Trust CIO/)
      assert.match(page.body, /Active: Yes → No/)

      // A person in that agency
      response = await officer.post('/directory/people/new', {
        name: 'Alex Rivers',
        jobTitle: 'Youth Worker',
        agencyId,
        email: 'Alex.Rivers@Banbury-Youth.example',
      })
      assert.equal(response.statusCode, 302)
      const personId = await idOf(testApp, people, 'Alex Rivers')
      const personForm = await officer.get(`/directory/people/${personId}/edit`)
      assert.match(personForm.body, /value="alex.rivers@banbury-youth.example"/, 'the email is kept in lower case')
      response = await officer.post(`/directory/people/${personId}/edit`, {
        version: formVersion(personForm.body),
        name: 'Alex Rivers',
        jobTitle: 'Senior Youth Worker',
        agencyId,
        email: 'alex.rivers@banbury-youth.example',
      })
      assert.equal(response.statusCode, 302)
      page = await officer.get(`/directory/people/${personId}`)
      assert.match(page.body, /Senior Youth Worker/)
      assert.deepEqual(history(page.body), [
        'Changed Alex Rivers’s details (by Tom Whitfield)',
        'Added Alex Rivers (by Tom Whitfield)',
      ])
      assert.match(page.body, /Job title: Youth Worker → Senior Youth Worker/)
      // The history names the agency; ids stay out of it.
      assert.match(page.body, /Agency: \(blank\) → Banbury Youth Trust CIO/)
      assert.doesNotMatch(page.body.split('id="history"')[1]!, /[0-9a-f]{8}-[0-9a-f]{4}-/)
      assert.deepEqual(linkedNames((await officer.get(`/directory/agencies/${agencyId}`)).body, '/directory/people'), [
        'Alex Rivers',
      ])

      // A subgroup
      response = await officer.post('/directory/groups/new', {
        name: 'Child Exploitation',
        kind: 'subgroup',
        purpose: 'Oversees the response to child sexual and criminal exploitation.',
        active: 'true',
      })
      assert.equal(response.statusCode, 302)
      const groupId = await idOf(testApp, groups, 'Child Exploitation')
      const groupForm = await officer.get(`/directory/groups/${groupId}/edit`)
      response = await officer.post(`/directory/groups/${groupId}/edit`, {
        version: formVersion(groupForm.body),
        name: 'Child Exploitation and Missing',
        kind: 'subgroup',
        purpose: '',
        active: 'true',
      })
      assert.equal(response.statusCode, 302)
      page = await officer.get(`/directory/groups/${groupId}`)
      assert.match(page.body, /<h1 class="govuk-heading-l">Child Exploitation and Missing<\/h1>/)
      assert.match(page.body, /This group has no current members/)

      // A member of it, found by name with the person picker
      const found = await officer.post(`/directory/groups/${groupId}/members/new`, {
        _find: 'personId',
        'personId-search': 'alex riv',
      })
      assert.match(found.body, /Alex Rivers\s*<\/label>\s*<div[^>]*>\s*Senior Youth Worker, Banbury Youth Trust CIO/)
      response = await officer.post(`/directory/groups/${groupId}/members/new`, {
        personId,
        role: 'chair',
        ...dateFields('startsOn', '1', '9', '2024'),
      })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, `/directory/groups/${groupId}?saved=1`)
      page = await officer.get(`/directory/groups/${groupId}`)
      assert.deepEqual(linkedNames(page.body, '/directory/people'), ['Alex Rivers'])
      assert.match(page.body, /Chair<\/td>\s*<td class="govuk-table__cell">1 September 2024/)

      const membership = await membershipOf(testApp, groupId, personId)
      const memberForm = await officer.get(`/directory/groups/${groupId}/members/${membership.id}/edit`)
      assert.match(memberForm.body, /Change Alex Rivers’s membership/)
      assert.match(memberForm.body, /name="startsOn-month" type="text" value="9"/)
      response = await officer.post(`/directory/groups/${groupId}/members/${membership.id}/edit`, {
        version: formVersion(memberForm.body),
        role: 'member',
        ...dateFields('startsOn', '1', '9', '2024'),
        ...dateFields('endsOn', '31', '3', '2025'),
      })
      assert.equal(response.statusCode, 302)
      page = await officer.get(`/directory/groups/${groupId}`)
      assert.match(page.body, /This group has no current members/)
      assert.match(page.body, /Past members/)
      assert.match(page.body, /31 March 2025/)
      assert.deepEqual(history(page.body), [
        'Changed Alex Rivers’s membership of Child Exploitation and Missing (by Tom Whitfield)',
        'Added Alex Rivers to Child Exploitation and Missing as chair (by Tom Whitfield)',
        'Changed group Child Exploitation and Missing (by Tom Whitfield)',
        'Added group Child Exploitation (by Tom Whitfield)',
      ])
      assert.match(page.body, /End date: \(blank\) → 31 March 2025/)

      page = await officer.get(`/directory/people/${personId}`)
      assert.match(page.body, new RegExp(`href="/directory/groups/${groupId}">Child Exploitation and Missing</a>`))
      assert.equal(history(page.body).length, 4, 'the person’s history shows their membership too')
    })

    it('rejects missing and over-long fields, keeps what was typed, and saves nothing', async () => {
      const { testApp, officer } = shared
      const before = await directoryCounts(testApp)

      let response = await officer.post('/directory/agencies/new', {})
      assert.equal(response.statusCode, 400)
      assert.match(pageTitle(response.body), /^Error: Add an agency/)
      assert.deepEqual(errorSummary(response.body), [
        'name: Enter the agency’s name',
        'type: Select the type of agency',
      ])

      const longName = 'N'.repeat(201)
      response = await officer.post('/directory/agencies/new', { name: longName, type: 'police' })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['name: Agency’s name must be 200 characters or less'])
      assert.match(response.body, new RegExp(`value="${longName}"`), 'the long name is kept for the user to shorten')
      assert.equal(
        (await officer.post('/directory/agencies/new', { name: 'N'.repeat(200), type: 'spaceport' })).statusCode,
        400,
      )

      response = await officer.post('/directory/people/new', {
        name: '',
        jobTitle: 'J'.repeat(201),
        email: 'not an email',
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'name: Enter their full name',
        'jobTitle: Job title must be 200 characters or less',
        'email: Enter an email address in the correct format, like name@example.com',
      ])
      assert.match(response.body, /value="not an email"/)

      response = await officer.post('/directory/groups/new', {
        name: 'Neglect',
        kind: 'committee',
        purpose: 'P'.repeat(2001),
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'kind: Select whether this is the board or a subgroup',
        'purpose: Purpose must be 2000 characters or less',
      ])

      assert.deepEqual(await directoryCounts(testApp), before)
    })

    it('refuses duplicate names and emails, whatever their case', async () => {
      const { testApp, officer } = shared
      const before = await directoryCounts(testApp)

      let response = await officer.post('/directory/agencies/new', { name: 'thames valley POLICE', type: 'police' })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['name: There is already an agency with this name'])

      const cherwell = await idOf(testApp, agencies, 'Cherwell District Council')
      const cherwellForm = await officer.get(`/directory/agencies/${cherwell}/edit`)
      response = await officer.post(`/directory/agencies/${cherwell}/edit`, {
        version: formVersion(cherwellForm.body),
        name: 'Oxford City Council',
        type: 'local-authority',
        active: 'true',
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['name: There is already an agency with this name'])

      response = await officer.post('/directory/groups/new', { name: 'CASE REVIEW AND GOVERNANCE', kind: 'subgroup' })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['name: There is already a group with this name'])

      response = await officer.post('/directory/people/new', {
        name: 'Grace Lindqvist (again)',
        email: 'Grace.Lindqvist@OSCB.example',
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['email: There is already a person with this email address'])

      const sam = await idOf(testApp, people, 'Sam Patel')
      const samForm = await officer.get(`/directory/people/${sam}/edit`)
      response = await officer.post(`/directory/people/${sam}/edit`, {
        version: formVersion(samForm.body),
        name: 'Sam Patel',
        email: 'grace.lindqvist@oscb.example',
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['email: There is already a person with this email address'])

      assert.deepEqual(await directoryCounts(testApp), before)
      const [cherwellNow] = await testApp.database.db.select().from(agencies).where(eq(agencies.id, cherwell))
      assert.equal(cherwellNow!.name, 'Cherwell District Council')
    })

    it('refuses membership dates that are missing, not real, out of range or back to front, and a second seat for the same dates', async () => {
      const { testApp, officer } = shared
      const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
      const grace = await idOf(testApp, people, 'Grace Lindqvist')
      const lucy = await idOf(testApp, people, 'Lucy Hart')
      const before = await directoryCounts(testApp)
      const add = (form: Record<string, string>) =>
        officer.post(`/directory/groups/${caseReview}/members/new`, { personId: lucy, role: 'member', ...form })

      const cases: [Record<string, string>, string[]][] = [
        [{}, ['startsOn-day: Enter the start date']],
        [dateFields('startsOn', '1', '', '2024'), ['startsOn-day: Start date must include a month']],
        [dateFields('startsOn', '31', '2', '2024'), ['startsOn-day: Start date must be a real date']],
        [dateFields('startsOn', 'one', '2', '2024'), ['startsOn-day: Start date must be a real date']],
        [dateFields('startsOn', '1', '4', '1899'), ['startsOn-day: Start date must be on or after 1990']],
        [
          { ...dateFields('startsOn', '1', '4', '2024'), ...dateFields('endsOn', '1', '1', '2101') },
          ['endsOn-day: End date must be on or before 2100'],
        ],
        [
          { ...dateFields('startsOn', '1', '4', '2024'), ...dateFields('endsOn', '31', '3', '2024') },
          ['endsOn-day: The end date must be the same as or after the start date'],
        ],
        [{ ...dateFields('startsOn', '1', '4', '2024'), role: 'treasurer' }, ['role: Select their role in the group']],
        [
          { ...dateFields('startsOn', '1', '4', '2024'), personId: 'someone' },
          ['personId: Select a person from the list'],
        ],
      ]
      for (const [form, expected] of cases) {
        const response = await add(form)
        assert.equal(response.statusCode, 400, JSON.stringify(form))
        assert.deepEqual(errorSummary(response.body), expected, JSON.stringify(form))
      }
      const typed = await add(dateFields('startsOn', '31', '2', '2024'))
      assert.match(typed.body, /name="startsOn-day" type="text" value="31"/, 'the typed date is kept')

      // Grace has sat on Case Review and Governance since April 2016, with no end date.
      let response = await officer.post(`/directory/groups/${caseReview}/members/new`, {
        personId: grace,
        role: 'chair',
        ...dateFields('startsOn', '1', '1', '2020'),
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'personId: This person is already a member of this group for some of these dates',
      ])

      // Changing a membership is checked the same way.
      const claire = await membershipOf(testApp, caseReview, await idOf(testApp, people, 'Claire Morgan'))
      const form = await officer.get(`/directory/groups/${caseReview}/members/${claire.id}/edit`)
      response = await officer.post(`/directory/groups/${caseReview}/members/${claire.id}/edit`, {
        version: formVersion(form.body),
        role: 'chair',
        ...dateFields('startsOn', '1', '4', '2016'),
        ...dateFields('endsOn', '30', '2', '2017'),
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['endsOn-day: End date must be a real date'])

      assert.deepEqual(await directoryCounts(testApp), before)
      assert.equal((await membershipOf(testApp, caseReview, claire.personId)).endsOn, null)
    })

    it('does not overwrite a record someone else changed after the form was opened', async () => {
      const { testApp, officer } = shared
      const administrator = await testApp.signIn(demoEmail.administrator)
      const police = await idOf(testApp, agencies, 'Thames Valley Police')

      const officersForm = await officer.get(`/directory/agencies/${police}/edit`)
      const administratorsForm = await administrator.get(`/directory/agencies/${police}/edit`)
      assert.equal(formVersion(officersForm.body), formVersion(administratorsForm.body))
      let response = await administrator.post(`/directory/agencies/${police}/edit`, {
        version: formVersion(administratorsForm.body),
        name: 'Thames Valley Police',
        type: 'police',
        active: 'true',
      })
      assert.equal(response.statusCode, 302)
      const before = await directoryCounts(testApp)

      response = await officer.post(`/directory/agencies/${police}/edit`, {
        version: formVersion(officersForm.body),
        name: 'Thames Valley Police Force',
        type: 'police',
        active: 'true',
      })
      assert.equal(response.statusCode, 409)
      assert.match(pageTitle(response.body), /^This record has changed/)
      assert.match(
        response.body,
        /Someone else changed this record after you opened the form. Your changes have not been saved./,
      )
      const [agency] = await testApp.database.db.select().from(agencies).where(eq(agencies.id, police))
      assert.equal(agency!.name, 'Thames Valley Police')
      assert.equal(agency!.contributesFunding, false, 'the administrator’s change stands')

      // The same for a membership.
      const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
      const membership = await membershipOf(testApp, caseReview, await idOf(testApp, people, 'Sarah Quinn'))
      const url = `/directory/groups/${caseReview}/members/${membership.id}/edit`
      const stale = await officer.get(url)
      const fresh = await administrator.get(url)
      assert.equal(
        (
          await administrator.post(url, {
            version: formVersion(fresh.body),
            role: 'vice-chair',
            ...dateFields('startsOn', '1', '4', '2016'),
          })
        ).statusCode,
        302,
      )
      response = await officer.post(url, {
        version: formVersion(stale.body),
        role: 'adviser',
        ...dateFields('startsOn', '1', '4', '2016'),
      })
      assert.equal(response.statusCode, 409)
      assert.equal((await membershipOf(testApp, caseReview, membership.personId)).role, 'vice-chair')

      // One audit row for the membership change, read from both the group and the person.
      assert.deepEqual(await directoryCounts(testApp), { ...before, changes: before.changes + 1 })
    })

    it('refuses a form with a forged or missing CSRF token', async () => {
      const { testApp, officer } = shared
      const before = await directoryCounts(testApp)
      const form = { name: 'Forged Agency', type: 'other', active: 'true' }

      let response = await officer.post('/directory/agencies/new', { ...form, _csrf: 'forged-token' })
      assert.equal(response.statusCode, 403)
      assert.match(response.body, /Your form could not be sent/)

      // The officer's own cookies, but no token in the form.
      response = await officer.request({
        method: 'POST',
        url: '/directory/agencies/new',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      })
      assert.equal(response.statusCode, 403)
      assert.match(response.body, /Your form could not be sent/)

      assert.deepEqual(await directoryCounts(testApp), before)
      assert.equal((await officer.get('/directory/agencies')).statusCode, 200, 'the officer is still signed in')
    })

    it('answers 404, not 403, for another partnership’s records and for ids that are not ids', async () => {
      const { testApp, officer } = shared
      // Another partnership on the same deployment, with an agency, a person in it, and their seat on a group.
      const db = testApp.database.db
      const other = await insertPartnership(db)
      const { id: theirAgency, name: theirAgencyName } = await insertAgency(db, other.partnershipId)
      const { id: theirPerson } = await insertPerson(db, other.partnershipId, { agencyId: theirAgency })
      const theirMembership = await insertMembership(db, other.partnershipId, { personId: theirPerson })
      const theirGroup = theirMembership.groupId
      const ourGroup = await idOf(testApp, groups, 'Case Review and Governance')
      const before = await directoryCounts(testApp)

      for (const url of [
        `/directory/agencies/${theirAgency}`,
        `/directory/agencies/${theirAgency}/edit`,
        `/directory/people/${theirPerson}`,
        `/directory/people/${theirPerson}/edit`,
        `/directory/groups/${theirGroup}`,
        `/directory/groups/${theirGroup}/edit`,
        `/directory/groups/${theirGroup}/members.csv`,
        `/directory/groups/${theirGroup}/members/new`,
        `/directory/groups/${theirGroup}/members/${theirMembership.id}/edit`,
        `/directory/groups/${ourGroup}/members/${theirMembership.id}/edit`,
        '/directory/agencies/not-a-uuid',
        '/directory/people/12345',
        '/directory/groups/00000000-0000-0000-0000-00000000000g',
        `/directory/groups/${ourGroup}/members/not-a-uuid/edit`,
      ]) {
        const response = await officer.get(url)
        assert.equal(response.statusCode, 404, url)
        assert.match(response.body, /Page not found/, url)
      }

      const posts: [string, Record<string, string>][] = [
        [
          `/directory/agencies/${theirAgency}/edit`,
          { version: '1', name: 'Taken Over', type: 'police', active: 'true' },
        ],
        [`/directory/people/${theirPerson}/edit`, { version: '1', name: 'Taken Over' }],
        [
          `/directory/groups/${theirGroup}/edit`,
          { version: '1', name: 'Taken Over', kind: 'subgroup', active: 'true' },
        ],
        [
          `/directory/groups/${theirGroup}/members/${theirMembership.id}/edit`,
          { version: '1', role: 'chair', ...dateFields('startsOn', '1', '4', '2016') },
        ],
        [
          `/directory/groups/${ourGroup}/members/${theirMembership.id}/edit`,
          { version: '1', role: 'chair', ...dateFields('startsOn', '1', '4', '2016') },
        ],
        [
          `/directory/groups/${theirGroup}/members/new`,
          {
            personId: await idOf(testApp, people, 'Lucy Hart'),
            role: 'member',
            ...dateFields('startsOn', '1', '4', '2024'),
          },
        ],
      ]
      for (const [url, form] of posts) assert.equal((await officer.post(url, form)).statusCode, 404, `POST ${url}`)

      // Their people and agencies cannot be chosen in our forms either.
      let response = await officer.post(`/directory/groups/${ourGroup}/members/new`, {
        personId: theirPerson,
        role: 'member',
        ...dateFields('startsOn', '1', '4', '2024'),
      })
      assert.deepEqual(errorSummary(response.body), ['personId: Select a person from the list'])
      response = await officer.post('/directory/people/new', { name: 'Jo Bloggs', agencyId: theirAgency })
      assert.deepEqual(errorSummary(response.body), ['agencyId: Select an agency from the list'])

      assert.deepEqual(await directoryCounts(testApp), before)
      const [theirs] = await testApp.database.db.select().from(agencies).where(eq(agencies.id, theirAgency))
      assert.equal(theirs!.name, theirAgencyName)
      const ourAgencies = (await officer.get('/directory/agencies')).body
      assert.ok(!ourAgencies.includes(other.name) && !ourAgencies.includes(theirAgencyName))
    })
  })
}

describe('directory lists: sorting, filtering, pages and downloads', () => {
  const shared = officerForSuite()

  it('sorts agencies by any column, either way, and tells screen readers which', async () => {
    const { officer } = shared
    const ascending = await officer.get('/directory/agencies')
    const names = linkedNames(ascending.body, '/directory/agencies')
    assert.equal(names.length, 17)
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    )
    assert.match(
      ascending.body,
      /aria-sort="ascending"[^>]*>\s*<a class="govuk-link app-sort-link" href="\?sort=name&amp;direction=desc">Name<\/a>/,
    )

    const descending = await officer.get('/directory/agencies?sort=name&direction=desc')
    assert.deepEqual(linkedNames(descending.body, '/directory/agencies'), [...names].reverse())
    assert.match(
      descending.body,
      /aria-sort="descending"[^>]*>\s*<a class="govuk-link app-sort-link" href="\?sort=name&amp;direction=asc">Name<\/a>/,
    )

    const byPeople = linkedNames(
      (await officer.get('/directory/agencies?sort=people&direction=desc')).body,
      '/directory/agencies',
    )
    assert.equal(byPeople[0], 'Oxfordshire County Council', 'the council has the most people')

    assert.deepEqual(
      linkedNames((await officer.get('/directory/agencies?sort=password&direction=up')).body, '/directory/agencies'),
      names,
      'an unknown sort falls back to name',
    )
  })

  it('filters agencies by name, type and status, and keeps the filters when sorting', async () => {
    const { testApp, officer } = shared
    const councils = await officer.get('/directory/agencies?search=council&sort=name&direction=desc')
    assert.deepEqual(linkedNames(councils.body, '/directory/agencies'), [
      'West Oxfordshire District Council',
      'Vale of White Horse District Council',
      'South Oxfordshire District Council',
      'Oxfordshire County Council',
      'Oxford City Council',
      'Cherwell District Council',
    ])
    assert.match(councils.body, /6 agencies\./)
    assert.match(councils.body, /href="\?search=council&amp;sort=type&amp;direction=asc">Type/)
    assert.match(councils.body, /href="\/directory\/agencies.csv\?search=council&amp;sort=name&amp;direction=desc"/)

    assert.deepEqual(
      linkedNames((await officer.get('/directory/agencies?type=probation')).body, '/directory/agencies'),
      ['National Probation Service', 'Thames Valley Community Rehabilitation Company'],
    )
    assert.deepEqual(
      linkedNames((await officer.get('/directory/agencies?search=100%25')).body, '/directory/agencies'),
      [],
      'a % in the search is taken literally',
    )

    await insertAgency(testApp.database.db, testApp.partnershipId, {
      name: 'Oxfordshire Youth Offending Service',
      type: 'other',
      active: false,
    })
    assert.deepEqual(
      linkedNames((await officer.get('/directory/agencies?status=inactive')).body, '/directory/agencies'),
      ['Oxfordshire Youth Offending Service'],
    )
    assert.equal(
      linkedNames((await officer.get('/directory/agencies?status=active')).body, '/directory/agencies').length,
      17,
    )
  })

  it('filters people by name, job title, email or agency', async () => {
    const { testApp, officer } = shared
    // Filed by family name: Hart, Kowalski, Lindqvist.
    assert.deepEqual(linkedNames((await officer.get('/directory/people?search=nurse')).body, '/directory/people'), [
      'Lucy Hart',
      'Anna Kowalski',
      'Grace Lindqvist',
    ])
    assert.deepEqual(
      linkedNames((await officer.get('/directory/people?search=kate.lyons@')).body, '/directory/people'),
      ['Detective Superintendent Kate Lyons'],
    )
    const oxfordHealth = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    const inAgency = await officer.get(`/directory/people?agencyId=${oxfordHealth}&sort=name&direction=desc`)
    assert.deepEqual(linkedNames(inAgency.body, '/directory/people'), ['Sam Patel', 'Grace Lindqvist'])
    assert.match(inAgency.body, /aria-sort="descending"/)
    assert.match(inAgency.body, /Showing 1 to 2 of 2 people/)
    assert.match(
      (await officer.get('/directory/people?search=nobody-by-this-name')).body,
      /No people match these filters/,
    )
  })

  it('pages through more than a hundred people, keeping the filters', async () => {
    const { testApp, officer } = shared
    const schools = await idOf(testApp, agencies, 'Schools')
    for (let n = 1; n <= 120; n++) {
      await insertPerson(testApp.database.db, testApp.partnershipId, {
        name: `Designated Lead ${String(n).padStart(3, '0')}`,
        jobTitle: 'Designated safeguarding lead',
        agencyId: schools,
        email: `lead${n}@school.example`,
      })
    }
    const total = 26 + 120

    const first = await officer.get('/directory/people')
    assert.equal(linkedNames(first.body, '/directory/people').length, 100)
    assert.match(first.body, new RegExp(`Showing 1 to 100 of ${total} people`))
    assert.match(first.body, /govuk-pagination__next[\s\S]*?href="\?page=2"/)
    assert.doesNotMatch(first.body, /govuk-pagination__prev/)

    const second = await officer.get('/directory/people?page=2')
    assert.equal(linkedNames(second.body, '/directory/people').length, total - 100)
    assert.match(second.body, new RegExp(`Showing 101 to ${total} of ${total} people`))
    assert.doesNotMatch(second.body, /govuk-pagination__next/)
    const everyone = [...linkedNames(first.body, '/directory/people'), ...linkedNames(second.body, '/directory/people')]
    assert.equal(new Set(everyone).size, total, 'no one is on both pages')

    const filtered = await officer.get(`/directory/people?agencyId=${schools}&sort=name&direction=desc`)
    assert.match(filtered.body, /Showing 1 to 100 of 122 people/)
    assert.equal(linkedNames(filtered.body, '/directory/people')[0], 'Paul Simmons')
    assert.match(filtered.body, new RegExp(`href="\\?agencyId=${schools}&amp;sort=name&amp;direction=desc&amp;page=2"`))
    assert.equal(
      linkedNames(
        (await officer.get(`/directory/people?agencyId=${schools}&sort=name&direction=desc&page=2`)).body,
        '/directory/people',
      ).at(-1),
      'Designated Lead 001',
    )

    assert.equal(linkedNames((await officer.get('/directory/people?page=999')).body, '/directory/people').length, 0)
    assert.equal((await officer.get('/directory/people?page=-3')).statusCode, 200)
  })

  it('downloads each list as CSV, filtered as on screen, with formulas defused', async () => {
    const { testApp, officer } = shared
    await insertAgency(testApp.database.db, testApp.partnershipId, {
      name: '=HYPERLINK("http://evil.example","Click")',
      type: 'other',
    })
    await insertPerson(testApp.database.db, testApp.partnershipId, {
      name: '@SUM(1+1)',
      jobTitle: '+44 1865 000000',
      agencyId: null,
      email: null,
    })

    let response = await officer.get('/directory/agencies.csv?type=probation&sort=name&direction=desc')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv/)
    assert.match(String(response.headers['content-disposition']), /attachment; filename="agencies.csv"/)
    assert.deepEqual(parseCsv(response.body), [
      ['Name', 'Type', 'Contributes funding', 'People', 'Status'],
      ['Thames Valley Community Rehabilitation Company', 'Probation', 'Yes', '1', 'Active'],
      ['National Probation Service', 'Probation', 'Yes', '1', 'Active'],
    ])

    response = await officer.get('/directory/agencies.csv?type=other')
    const formula = parseCsv(response.body).find((row) => row[0]!.includes('HYPERLINK'))
    assert.equal(formula?.[0], `'=HYPERLINK("http://evil.example","Click")`)
    assert.match(
      (await officer.get('/directory/agencies?type=other')).body,
      /=HYPERLINK\(&quot;http:\/\/evil.example&quot;,&quot;Click&quot;\)<\/a>/,
      'the page shows the name as typed',
    )

    response = await officer.get('/directory/people.csv?search=SUM')
    assert.deepEqual(parseCsv(response.body), [
      ['Name', 'Job title', 'Agency', 'Email'],
      ["'@SUM(1+1)", "'+44 1865 000000", '', ''],
    ])

    const oxfordHealth = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    assert.deepEqual(parseCsv((await officer.get(`/directory/people.csv?agencyId=${oxfordHealth}`)).body), [
      ['Name', 'Job title', 'Agency', 'Email'],
      [
        'Grace Lindqvist',
        'Named Nurse, Safeguarding Children',
        'Oxford Health NHS Foundation Trust',
        'grace.lindqvist@oscb.example',
      ],
      ['Sam Patel', 'Head of Safeguarding', 'Oxford Health NHS Foundation Trust', 'sam.patel@oscb.example'],
    ])

    const groupsCsv = parseCsv((await officer.get('/directory/groups.csv')).body)
    assert.deepEqual(
      groupsCsv.map((row) => row.slice(0, 4)),
      [
        ['Name', 'Kind', 'Current members', 'Status'],
        ['Oxfordshire Safeguarding Children Board', 'Board', '22', 'Active'],
        ['Case Review and Governance', 'Subgroup', '7', 'Active'],
        ['Performance, Audit and Quality Assurance', 'Subgroup', '8', 'Active'],
      ],
    )

    const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
    const members = parseCsv((await officer.get(`/directory/groups/${caseReview}/members.csv`)).body)
    assert.deepEqual(members[0], ['Name', 'Job title', 'Agency', 'Role', 'Start date', 'End date'])
    assert.deepEqual(members[1], [
      'Claire Morgan',
      'Deputy Director, Safeguarding',
      'Oxfordshire County Council',
      'Chair',
      '2016-04-01',
      '',
    ])
    assert.equal(members.length, 8)
  })
})

describe('scoped roles see only their part of the directory', () => {
  const shared = officerForSuite()

  it('an agency lead sees only their own agency’s people, on screen and in the download', async () => {
    const { testApp } = shared
    const lead = await testApp.signIn(demoEmail['agency-lead'])
    const oxfordHealth = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')

    const list = await lead.get('/directory/people')
    assert.deepEqual(linkedNames(list.body, '/directory/people'), ['Grace Lindqvist', 'Sam Patel'])
    assert.match(list.body, /Showing 1 to 2 of 2 people/)
    assert.deepEqual(linkedNames((await lead.get('/directory/people?search=nurse')).body, '/directory/people'), [
      'Grace Lindqvist',
    ])
    const council = await idOf(testApp, agencies, 'Oxfordshire County Council')
    assert.match((await lead.get(`/directory/people?agencyId=${council}`)).body, /No people match these filters/)

    const csv = parseCsv((await lead.get('/directory/people.csv')).body)
    assert.deepEqual(
      csv.map((row) => row[0]),
      ['Name', 'Grace Lindqvist', 'Sam Patel'],
    )

    const helen = await idOf(testApp, people, 'Helen Ashworth')
    const refused = await lead.get(`/directory/people/${helen}`)
    assert.equal(refused.statusCode, 404)
    assert.equal((await lead.get(`/directory/people/${await idOf(testApp, people, 'Sam Patel')}`)).statusCode, 200)

    assert.deepEqual(linkedNames((await lead.get(`/directory/agencies/${oxfordHealth}`)).body, '/directory/people'), [
      'Grace Lindqvist',
      'Sam Patel',
    ])
    assert.match((await lead.get(`/directory/agencies/${council}`)).body, /No people are recorded for this agency/)
  })

  it('a subgroup member sees the board and only the subgroups she sits on', async () => {
    const { testApp } = shared
    const { id: neglect } = await insertGroup(testApp.database.db, testApp.partnershipId, { name: 'Neglect' })
    const grace = await testApp.signIn(demoEmail['subgroup-member'])

    const visible = [
      'Oxfordshire Safeguarding Children Board',
      'Case Review and Governance',
      'Performance, Audit and Quality Assurance',
    ]
    assert.deepEqual(linkedNames((await grace.get('/directory/groups')).body, '/directory/groups'), visible)
    assert.deepEqual(
      parseCsv((await grace.get('/directory/groups.csv')).body)
        .slice(1)
        .map((row) => row[0]),
      visible,
    )
    assert.equal((await grace.get(`/directory/groups/${neglect}`)).statusCode, 404)
    assert.equal((await grace.get(`/directory/groups/${neglect}/members.csv`)).statusCode, 404)

    // A colleague's page does not give the hidden subgroup away either.
    const lucy = await idOf(testApp, people, 'Lucy Hart')
    await insertMembership(testApp.database.db, testApp.partnershipId, {
      groupId: neglect,
      personId: lucy,
      role: 'chair',
      startsOn: '2017-01-01',
    })
    assert.ok((await shared.officer.get(`/directory/people/${lucy}`)).body.includes('Neglect'))
    const lucyForGrace = await grace.get(`/directory/people/${lucy}`)
    assert.equal(lucyForGrace.statusCode, 200)
    assert.ok(!lucyForGrace.body.includes('Neglect'), 'the hidden subgroup is not listed on a member’s page')
    assert.ok(lucyForGrace.body.includes('Performance, Audit and Quality Assurance'))
    for (const name of visible)
      assert.equal((await grace.get(`/directory/groups/${await idOf(testApp, groups, name)}`)).statusCode, 200, name)

    // Everyone else, the officer included, sees the new subgroup.
    assert.deepEqual(linkedNames((await shared.officer.get('/directory/groups')).body, '/directory/groups'), [
      ...visible.slice(0, 2),
      'Neglect',
      visible[2],
    ])
  })
})

describe('partnership settings', () => {
  const shared = officerForSuite()

  it('the administrator changes the reporting year and what the partnership is called, and sees the change in its history', async () => {
    const { testApp } = shared
    const administrator = await testApp.signIn(demoEmail.administrator)
    const form = await administrator.get('/directory/partnership/edit')
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /<option value="4" selected>April<\/option>/)

    const response = await administrator.post('/directory/partnership/edit', {
      version: formVersion(form.body),
      name: 'Oxfordshire Safeguarding Children Partnership',
      shortName: 'OSCP',
      area: 'Oxfordshire',
      localAuthorityCode: 'e10000025',
      yearStartMonth: '9',
      terminology: 'partnership',
    })
    assert.equal(response.statusCode, 302)
    assert.equal(response.headers.location, '/directory/partnership?saved=1')

    const page = await administrator.get('/directory/partnership?saved=1')
    assert.match(page.body, /Partnership details saved/)
    assert.match(page.body, /1 September/)
    assert.match(page.body, /Partnership \(multi-agency safeguarding arrangements\)/)
    assert.match(page.body, /E10000025/)
    assert.match(history(page.body)[0]!, /^Changed the partnership’s details .*\(by Priya Shah\)$/)
    assert.match(page.body, /Reporting year starts: /)
    const [saved] = await testApp.database.db
      .select()
      .from(partnerships)
      .where(eq(partnerships.id, testApp.partnershipId))
    assert.deepEqual(
      [saved!.yearStartMonth, saved!.terminology, saved!.localAuthorityCode],
      [9, 'partnership', 'E10000025'],
    )
  })

  it('the business unit may read the settings but not change them', async () => {
    const { officer } = shared
    assert.equal((await officer.get('/directory/partnership')).statusCode, 200)
    const form = await officer.get('/directory/partnership/edit')
    assert.equal(form.statusCode, 403)
    assert.match(form.body, /You do not have permission to see this page/)
    assert.equal(
      (
        await officer.post('/directory/partnership/edit', {
          version: '1',
          name: 'Hijacked',
          shortName: 'X',
          area: 'X',
          localAuthorityCode: 'E1',
          yearStartMonth: '1',
          terminology: 'board',
        })
      ).statusCode,
      403,
    )
    assert.doesNotMatch((await officer.get('/directory/partnership')).body, /Hijacked/)
  })

  it('rejects a bad local authority code, a month that is not a month, and a stale form', async () => {
    const { testApp } = shared
    const administrator = await testApp.signIn(demoEmail.administrator)
    const form = await administrator.get('/directory/partnership/edit')
    const valid = {
      version: formVersion(form.body),
      name: 'Oxfordshire Safeguarding Children Partnership',
      shortName: 'OSCP',
      area: 'Oxfordshire',
      localAuthorityCode: 'E10000025',
      yearStartMonth: '9',
      terminology: 'partnership',
    }
    const before = await directoryCounts(testApp)

    let response = await administrator.post('/directory/partnership/edit', {
      ...valid,
      localAuthorityCode: 'E10-0000/25',
      yearStartMonth: '13',
      terminology: 'council',
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'localAuthorityCode: Local authority code must only include letters and numbers, like E10000025',
      'yearStartMonth: Select the month the reporting year starts',
      'terminology: Select what the partnership is called',
    ])
    assert.match(response.body, /value="E10-0000\/25"/)

    response = await administrator.post('/directory/partnership/edit', {
      ...valid,
      localAuthorityCode: 'E'.repeat(21),
      shortName: '',
    })
    assert.deepEqual(errorSummary(response.body), [
      'shortName: Enter a short name',
      'localAuthorityCode: Local authority code must be 20 characters or less',
    ])
    assert.deepEqual(await directoryCounts(testApp), before)

    assert.equal(
      (await administrator.post('/directory/partnership/edit', { ...valid, area: 'Oxfordshire and Cherwell' }))
        .statusCode,
      302,
    )
    response = await administrator.post('/directory/partnership/edit', { ...valid, area: 'Somewhere else' })
    assert.equal(response.statusCode, 409)
    const [saved] = await testApp.database.db
      .select()
      .from(partnerships)
      .where(eq(partnerships.id, testApp.partnershipId))
    assert.equal(saved!.area, 'Oxfordshire and Cherwell')
  })
})
