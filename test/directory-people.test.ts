import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { migrationsFolder } from '../src/db/index.ts'
import { agencies, groupMemberships, groups, people } from '../src/modules/partnership/schema.ts'
import { createPerson } from '../src/modules/partnership/people/service.ts'
import { honours, sortNameFor, titles } from '../src/modules/partnership/people/sort-name.ts'
import { capitalise } from '../src/platform/forms.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { parseCsv } from './helpers/csv.ts'
import { demoEmail, type TestApp } from './helpers/app.ts'
import { drivers } from './helpers/database.ts'
import { idOf, officerForSuite } from './helpers/records.ts'
import {
  banner,
  errorSummary,
  formValues,
  heading,
  history,
  linkedNames,
  decode,
  pageTitle,
  tableColumn,
  textOf,
} from './helpers/html.ts'

/**
 * People in the directory: filed by family name whatever their title, names stored in one Unicode
 * form without invisible characters, and the end of the story — leaving, and erasure at the
 * person's request.
 */

async function personRow(testApp: TestApp, id: string) {
  const [row] = await testApp.database.db.select().from(people).where(eq(people.id, id))
  assert.ok(row)
  return row
}

/** The directory's audit rows, newest first. */
async function directoryAudit(testApp: TestApp) {
  return testApp.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.partnershipId, testApp.partnershipId),
        inArray(auditLog.recordType, ['agency', 'person', 'group', 'membership']),
      ),
    )
    .orderBy(desc(auditLog.id))
}

const dateFields = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
})

// ---------------------------------------------------------------- 1. filed by family name

describe('people are filed by family name, not by title or first name', () => {
  const shared = officerForSuite()

  it('the people list puts Detective Superintendent Kate Lyons under L and Dr Ben Adeyemi first', async () => {
    const list = await shared.officer.get('/directory/people')
    assert.deepEqual(linkedNames(list.body, '/directory/people'), [
      'Dr Ben Adeyemi',
      'Helen Ashworth',
      'Julia Brooks',
      'Squadron Leader James Carter',
      'Mike Donnelly',
      'Ruth Evans',
      'Nicola Fraser',
      'Fiona Grant',
      'Lucy Hart',
      'Ian Hughes',
      'Anna Kowalski',
      'Hannah Lee',
      'Grace Lindqvist',
      'Detective Superintendent Kate Lyons',
      'Raj Malhotra',
      'Joy Mensah',
      'Claire Morgan',
      'David Okafor',
      'Sam Patel',
      'Owen Price',
      'Sarah Quinn',
      'Maria Santos',
      'Priya Shah',
      'Paul Simmons',
      'Peter Walsh',
      'Tom Whitfield',
    ])
    const descending = await shared.officer.get('/directory/people?sort=name&direction=desc')
    assert.deepEqual(linkedNames(descending.body, '/directory/people').slice(0, 3), [
      'Tom Whitfield',
      'Peter Walsh',
      'Paul Simmons',
    ])
  })

  it('so do an agency’s page, a group’s members and the choice of person to add to a group', async () => {
    const { testApp, officer } = shared
    const ccg = await idOf(testApp, agencies, 'Oxfordshire Clinical Commissioning Group')
    assert.deepEqual(linkedNames((await officer.get(`/directory/agencies/${ccg}`)).body, '/directory/people'), [
      'Dr Ben Adeyemi',
      'Anna Kowalski',
    ])

    // Chair, vice-chair, then the members by family name, then the adviser.
    const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
    const group = await officer.get(`/directory/groups/${caseReview}`)
    assert.deepEqual(linkedNames(group.body, '/directory/people'), [
      'Claire Morgan',
      'Detective Superintendent Kate Lyons',
      'Dr Ben Adeyemi',
      'Anna Kowalski',
      'Grace Lindqvist',
      'Sarah Quinn',
      'Tom Whitfield',
    ])
    const csv = parseCsv((await officer.get(`/directory/groups/${caseReview}/members.csv`)).body)
    assert.deepEqual(
      csv.slice(3, 7).map((row) => row[0]),
      ['Dr Ben Adeyemi', 'Anna Kowalski', 'Grace Lindqvist', 'Sarah Quinn'],
    )

    // The person picker's search offers them in the same order.
    const found = (await officer.get('/directory/people/search?q=nurse')).json() as { name: string }[]
    assert.deepEqual(
      found.map((choice) => choice.name),
      ['Lucy Hart', 'Anna Kowalski', 'Grace Lindqvist'],
    )
  })

  it('finds “lyons kate” and “kate lyons” alike: the words of a search in any order', async () => {
    for (const search of ['lyons kate', 'Kate Lyons', 'superintendent lyons']) {
      const found = await shared.officer.get(`/directory/people?search=${encodeURIComponent(search)}`)
      assert.deepEqual(linkedNames(found.body, '/directory/people'), ['Detective Superintendent Kate Lyons'], search)
    }
  })

  it('the business unit can say how a name is filed (“Sort as”), and it follows a change of name unless they did', async () => {
    const { testApp, officer } = shared

    // A new person's form: "Sort as" is optional and explained.
    const newForm = await officer.get('/directory/people/new')
    assert.match(newForm.body, /Sort as \(optional\)/)
    assert.match(newForm.body, /Family name first, for example Lyons, Kate/)

    // Filed as typed: "de Souza" under D, not under S.
    let response = await officer.post('/directory/people/new', {
      name: 'Ana de Souza',
      sortName: 'de Souza, Ana',
      jobTitle: 'Family Support Worker',
    })
    assert.equal(response.statusCode, 302)
    const ana = await idOf(testApp, people, 'Ana de Souza')
    const names = linkedNames((await officer.get('/directory/people')).body, '/directory/people')
    assert.equal(names.indexOf('Ana de Souza'), names.indexOf('Squadron Leader James Carter') + 1)

    // Left blank, it is worked out from the name, and the form shows what it worked out.
    response = await officer.post('/directory/people/new', { name: 'Councillor Zara Abbott' })
    const zara = await idOf(testApp, people, 'Councillor Zara Abbott')
    let form = await officer.get(`/directory/people/${zara}/edit`)
    assert.equal(formValues(form.body).sortName, 'Abbott, Zara')
    assert.equal(
      linkedNames((await officer.get('/directory/people')).body, '/directory/people')[0],
      'Councillor Zara Abbott',
    )

    // She marries and changes her name: the worked-out "Sort as" follows it…
    response = await officer.post(`/directory/people/${zara}/edit`, {
      ...formValues(form.body),
      name: 'Councillor Zara Young',
    })
    assert.equal(response.statusCode, 302)
    assert.equal((await personRow(testApp, zara)).sortName, 'Young, Zara')
    const page = await officer.get(`/directory/people/${zara}`)
    assert.match(textOf(page.body), /Sort as: Abbott, Zara → Young, Zara/)

    // …but one typed in by hand is kept.
    form = await officer.get(`/directory/people/${ana}/edit`)
    assert.equal(formValues(form.body).sortName, 'de Souza, Ana')
    await officer.post(`/directory/people/${ana}/edit`, { ...formValues(form.body), name: 'Dr Ana de Souza' })
    assert.equal((await personRow(testApp, ana)).sortName, 'de Souza, Ana')

    // Cleared, it is worked out again.
    form = await officer.get(`/directory/people/${ana}/edit`)
    await officer.post(`/directory/people/${ana}/edit`, { ...formValues(form.body), sortName: '' })
    assert.equal((await personRow(testApp, ana)).sortName, 'Souza, Ana de')
  })
})

for (const driver of drivers) {
  describe(`the migration files people already in the directory as the app would (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('its SQL gives every name the sort name sortNameFor gives', async () => {
      const { testApp } = shared
      const db = testApp.database.db
      const names = [
        ...titles.map((title) => `${capitalise(title)} Kate Lyons`),
        ...titles.map((title) => `${title.toUpperCase()}. Ben Adeyemi`),
        ...honours.map((honour) => `Helen Ashworth ${honour}`),
        'Professor Dame Sally Davies, DBE',
        'Ayo Obe',
        'Kate Lyons QPM, OBE',
        '  Nicola   Fraser ',
        'Madonna',
        'Captain',
        'Majorie Inspectorson',
        'Mary-Jane O’Neill',
        'Designated Lead 007',
      ]
      const actor = systemActor(testApp.partnershipId)
      const ids = []
      for (const name of names)
        ids.push(await createPerson(db, actor, { name, jobTitle: null, agencyId: null, email: null }))

      // The backfill statement exactly as the migration holds it, over rows whose sort name is wiped.
      const migration = readFileSync(join(migrationsFolder, '0005_people-sort-name.sql'), 'utf8')
      const backfill = migration
        .split('--> statement-breakpoint')
        .find((statement) => /UPDATE "people"/.test(statement))
      assert.ok(backfill, 'the migration has no backfill')
      await db.update(people).set({ sortName: 'not yet filed' }).where(inArray(people.id, ids))
      await db.execute(sql.raw(backfill))

      const rows = await db
        .select({ name: people.name, sortName: people.sortName })
        .from(people)
        .where(inArray(people.id, ids))
      assert.equal(rows.length, names.length)
      for (const row of rows) assert.equal(row.sortName, sortNameFor(row.name), row.name)
      assert.ok(rows.some((row) => row.sortName === 'Lyons, Kate'))
    })
  })
}

// ---------------------------------------------------------------- 2. one Unicode form, nothing invisible

for (const driver of drivers) {
  describe(`names are compared and kept without invisible characters, in one Unicode form (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('refuses an agency or group that differs from one already there only by a zero-width character or how an accent was typed', async () => {
      const { testApp, officer } = shared
      const before = (await directoryAudit(testApp)).length

      for (const name of [
        'Thames \u200BValley Police',
        '\uFEFFThames Valley\u2060 Police',
        'Thames Valley Pol\u200Dice',
      ]) {
        const response = await officer.post('/directory/agencies/new', { name, type: 'police', active: 'true' })
        assert.equal(response.statusCode, 400, JSON.stringify(name))
        assert.deepEqual(errorSummary(response.body), ['name: There is already an agency with this name'])
      }
      const group = await officer.post('/directory/groups/new', {
        name: 'Case Review\u200C and Governance',
        kind: 'subgroup',
      })
      assert.equal(group.statusCode, 400)
      assert.deepEqual(errorSummary(group.body), ['name: There is already a group with this name'])

      // "Café" typed with a combining accent is the same agency as "Café" typed with é.
      assert.equal(
        (await officer.post('/directory/agencies/new', { name: 'Caf\u00E9 Nova Youth Project', type: 'other' }))
          .statusCode,
        302,
      )
      const decomposed = await officer.post('/directory/agencies/new', {
        name: 'Cafe\u0301 Nova Youth Project',
        type: 'other',
      })
      assert.equal(decomposed.statusCode, 400)
      assert.deepEqual(errorSummary(decomposed.body), ['name: There is already an agency with this name'])
      assert.equal((await directoryAudit(testApp)).length, before + 1)
    })

    it('saves a person’s name without the invisible characters pasted with it', async () => {
      const { testApp, officer } = shared
      const response = await officer.post('/directory/people/new', {
        name: '\u200BZoe\u0308 Hart\uFEFF',
        jobTitle: 'School\u200B Nurse',
      })
      assert.equal(response.statusCode, 302)
      const id = response.headers.location!.match(/people\/([0-9a-f-]{36})/)![1]!
      const saved = await personRow(testApp, id)
      assert.equal(saved.name, 'Zo\u00EB Hart')
      assert.equal(saved.sortName, 'Hart, Zo\u00EB')
      assert.equal(saved.jobTitle, 'School Nurse')
      const found = await officer.get('/directory/people?search=zo%C3%AB')
      assert.deepEqual(linkedNames(found.body, '/directory/people'), ['Zoë Hart'])
    })
  })
}

// ---------------------------------------------------------------- 3. leaving

for (const driver of drivers) {
  describe(`a person who leaves (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('is marked as left on their last day: gone from current lists, kept for history, their seats ended, in one audit row', async () => {
      const { testApp, officer } = shared
      const kate = await idOf(testApp, people, 'Detective Superintendent Kate Lyons')
      const police = await idOf(testApp, agencies, 'Thames Valley Police')
      const board = await idOf(testApp, groups, 'Oxfordshire Safeguarding Children Board')
      const caseReview = await idOf(testApp, groups, 'Case Review and Governance')

      let page = await officer.get(`/directory/people/${kate}`)
      assert.match(page.body, /href="\/directory\/people\/[0-9a-f-]{36}\/leave"/)
      const form = await officer.get(`/directory/people/${kate}/leave`)
      assert.equal(form.statusCode, 200)
      assert.equal(heading(form.body), 'Mark Detective Superintendent Kate Lyons as left')
      assert.match(
        textOf(form.body),
        /Their membership of Case Review and Governance and Oxfordshire Safeguarding Children Board will end on their last day\./,
      )
      const before = (await directoryAudit(testApp)).length

      const response = await officer.post(`/directory/people/${kate}/leave`, {
        ...formValues(form.body),
        ...dateFields('leftOn', '31', '3', '2024'),
      })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, `/directory/people/${kate}?left=1`)

      page = await officer.get(response.headers.location!)
      assert.equal(banner(page.body), 'Person marked as left')
      assert.match(textOf(page.body), /Left on 31 March 2024/)
      assert.doesNotMatch(page.body, /\/leave"/, 'no one is asked twice')
      assert.equal((await officer.get(`/directory/people/${kate}/leave`)).statusCode, 404)

      // Gone from the current lists and counts…
      assert.ok(
        !linkedNames((await officer.get('/directory/people')).body, '/directory/people').includes(
          'Detective Superintendent Kate Lyons',
        ),
      )
      assert.doesNotMatch((await officer.get('/directory/people?search=lyons')).body, /Kate Lyons/)
      assert.match((await officer.get(`/directory/agencies/${police}`)).body, /No people are recorded for this agency/)
      const agencyList = await officer.get('/directory/agencies?search=thames+valley+police')
      assert.deepEqual(tableColumn(agencyList.body, 'Agencies', 'People'), ['0'])
      await officer.get(`/directory/groups/${board}/members/new`)
      const memberSearch = await officer.post(`/directory/groups/${board}/members/new`, {
        _find: 'personId',
        'personId-search': 'lyons',
      })
      assert.doesNotMatch(memberSearch.body, /Kate Lyons/, 'not offered as a new member')

      // An account can still be linked to her, so saving one that is keeps its link.
      const administrator = await testApp.signIn(demoEmail.administrator)
      await administrator.get('/users/invite')
      const accountSearch = await administrator.post('/users/invite', { _find: 'personId', 'personId-search': 'lyons' })
      assert.match(decode(accountSearch.body), /Detective Superintendent Kate Lyons/)
      assert.match(decode(accountSearch.body), /left 31 March 2024/)

      // …but there when asked for, saying when they left.
      const withLeft = await officer.get('/directory/people?search=lyons&showLeft=yes')
      assert.deepEqual(linkedNames(withLeft.body, '/directory/people'), ['Detective Superintendent Kate Lyons'])
      assert.match(withLeft.body, /govuk-tag--grey">Left 31 March 2024</)
      assert.match(withLeft.body, /name="showLeft" type="checkbox" value="yes" checked/)
      assert.deepEqual(parseCsv((await officer.get('/directory/people.csv?search=lyons&showLeft=yes')).body), [
        ['Name', 'Job title', 'Agency', 'Email', 'Left on'],
        [
          'Detective Superintendent Kate Lyons',
          'Head of Protecting Vulnerable People',
          'Thames Valley Police',
          `kate.lyons@oscb.example`,
          '2024-03-31',
        ],
      ])

      // Her seats ended that day, and the groups list her among past members.
      const seats = await testApp.database.db
        .select({ groupId: groupMemberships.groupId, endsOn: groupMemberships.endsOn })
        .from(groupMemberships)
        .where(eq(groupMemberships.personId, kate))
      assert.deepEqual(
        seats.map((s) => s.endsOn),
        ['2024-03-31', '2024-03-31'],
      )
      const group = await officer.get(`/directory/groups/${caseReview}`)
      assert.ok(
        !linkedNames(group.body, '/directory/people', 'Current members of Case Review and Governance').includes(
          'Detective Superintendent Kate Lyons',
        ),
      )
      assert.deepEqual(linkedNames(group.body, '/directory/people', 'Past members of Case Review and Governance'), [
        'Detective Superintendent Kate Lyons',
      ])

      // One audit row, on her page and on each group's.
      const rows = await directoryAudit(testApp)
      assert.equal(rows.length, before + 1)
      assert.equal(rows[0]!.action, 'left')
      assert.deepEqual(rows[0]!.after, {
        leftOn: '2024-03-31',
        membershipsEnded: ['Case Review and Governance', 'Oxfordshire Safeguarding Children Board'],
      })
      const entry = 'Marked Detective Superintendent Kate Lyons as left (by Tom Whitfield)'
      assert.equal(history((await officer.get(`/directory/people/${kate}`)).body)[0], entry)
      assert.equal(history(group.body)[0], entry)
      assert.equal(history((await officer.get(`/directory/groups/${board}`)).body)[0], entry)
      assert.match(
        textOf((await officer.get(`/directory/people/${kate}`)).body),
        /Left on: \(blank\) → 31 March 2024 Memberships ended: \(blank\) → Case Review and Governance, Oxfordshire Safeguarding Children Board/,
      )

      // A seat that would run past her last day is refused.
      const late = await officer.post(`/directory/groups/${board}/members/new`, {
        personId: kate,
        role: 'member',
        ...dateFields('startsOn', '1', '1', '2025'),
      })
      assert.equal(late.statusCode, 400)
      assert.deepEqual(errorSummary(late.body), [
        'endsOn-day: They left on 31 March 2024: the end date must be on or before then',
      ])
    })

    it('needs a real date, not before a seat they hold began, and changes nothing otherwise', async () => {
      const { testApp, officer } = shared
      const mike = await idOf(testApp, people, 'Mike Donnelly')
      const url = `/directory/people/${mike}/leave`
      const form = formValues((await officer.get(url)).body)
      const before = (await directoryAudit(testApp)).length

      const cases: [Record<string, string>, string][] = [
        [{}, 'leftOn-day: Enter the date they left'],
        [dateFields('leftOn', '30', '2', '2024'), 'leftOn-day: Date they left must be a real date'],
        [
          dateFields('leftOn', '31', '3', '2015'),
          'leftOn-day: The date they left must be the same as or after 1 April 2016, when they joined Oxfordshire Safeguarding Children Board',
        ],
      ]
      for (const [dates, message] of cases) {
        const response = await officer.post(url, { ...form, ...dates })
        assert.equal(response.statusCode, 400, message)
        assert.deepEqual(errorSummary(response.body), [message])
        assert.match(pageTitle(response.body), /^Error: Mark Mike Donnelly as left/)
      }
      const typed = await officer.post(url, { ...form, ...dateFields('leftOn', '30', '2', '2024') })
      assert.match(typed.body, /name="leftOn-day" type="text" value="30"/, 'what was typed is kept')

      assert.equal((await directoryAudit(testApp)).length, before)
      assert.equal((await personRow(testApp, mike)).leftOn, null)
    })

    it('is marked only by those who keep the directory', async () => {
      const { testApp } = shared
      const sarah = await idOf(testApp, people, 'Sarah Quinn')
      const boardMember = await testApp.signIn(demoEmail['board-member'])
      assert.equal((await boardMember.get(`/directory/people/${sarah}/leave`)).statusCode, 403)
      assert.equal(
        (await boardMember.post(`/directory/people/${sarah}/leave`, dateFields('leftOn', '1', '1', '2024'))).statusCode,
        403,
      )
      assert.doesNotMatch((await boardMember.get(`/directory/people/${sarah}`)).body, /Mark as left/)
      assert.equal((await personRow(testApp, sarah)).leftOn, null)
    })
  })
}

// ---------------------------------------------------------------- 3. erasure

for (const driver of drivers) {
  describe(`erasing a person’s details at their request (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('an administrator erases the details of someone who has left; the audit log says it happened but not what was erased', async () => {
      const { testApp, officer } = shared
      const administrator = await testApp.signIn(demoEmail.administrator)
      const kate = await idOf(testApp, people, 'Detective Superintendent Kate Lyons')
      const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
      const leave = await officer.get(`/directory/people/${kate}/leave`)
      await officer.post(`/directory/people/${kate}/leave`, {
        ...formValues(leave.body),
        ...dateFields('leftOn', '31', '3', '2024'),
      })

      // The business unit keeps the directory but may not erase.
      assert.doesNotMatch((await officer.get(`/directory/people/${kate}`)).body, /Erase their details/)
      assert.equal((await officer.get(`/directory/people/${kate}/erase`)).statusCode, 403)
      assert.equal((await officer.post(`/directory/people/${kate}/erase`, { confirm: 'yes' })).statusCode, 403)

      const url = `/directory/people/${kate}/erase`
      const form = await administrator.get(url)
      assert.equal(form.statusCode, 200)
      assert.equal(heading(form.body), 'Erase Detective Superintendent Kate Lyons’s details')
      assert.match(textOf(form.body), /You cannot undo this/)
      assert.match(textOf(form.body), /Are you sure you want to erase Detective Superintendent Kate Lyons’s details\?/)
      const before = (await directoryAudit(testApp)).length

      // No answer is an error; "No" changes nothing.
      let response = await administrator.post(url, { version: formValues(form.body).version! })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['confirm: Select yes if you want to erase this person’s details'])
      response = await administrator.post(url, { ...formValues(form.body), confirm: 'no' })
      assert.equal(response.headers.location, `/directory/people/${kate}`)
      assert.equal((await personRow(testApp, kate)).name, 'Detective Superintendent Kate Lyons')
      assert.equal((await directoryAudit(testApp)).length, before)

      response = await administrator.post(url, { ...formValues(form.body), confirm: 'yes' })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, `/directory/people/${kate}?erased=1`)

      const erased = await personRow(testApp, kate)
      assert.deepEqual(
        [erased.name, erased.sortName, erased.jobTitle, erased.email, erased.leftOn],
        ['Erased person', 'Erased person', null, null, '2024-03-31'],
      )
      assert.ok(erased.erasedAt instanceof Date)

      // The erasure's audit row: who and when, and nothing of what was removed.
      const rows = await directoryAudit(testApp)
      assert.equal(rows.length, before + 1)
      const [erasure] = rows
      assert.deepEqual(
        {
          action: erasure!.action,
          recordId: erasure!.recordId,
          summary: erasure!.summary,
          actor: erasure!.actorName,
          before: erasure!.before,
          after: erasure!.after,
        },
        {
          action: 'erased',
          recordId: kate,
          summary: 'Erased this person’s name, job title and email',
          actor: 'Priya Shah',
          before: null,
          after: null,
        },
      )
      assert.doesNotMatch(JSON.stringify(erasure), /Lyons|kate|Protecting Vulnerable/i)

      // Everywhere the directory shows her, she is "Erased person".
      const page = await administrator.get(response.headers.location!)
      assert.equal(banner(page.body), 'Person’s details erased')
      assert.equal(heading(page.body), 'Erased person')
      assert.match(textOf(page.body), /were erased at their request/)
      assert.doesNotMatch(page.body, /\/edit"|\/erase"|\/leave"/, 'nothing left to change')
      assert.equal(history(page.body)[0], 'Erased this person’s name, job title and email (by Priya Shah)')
      for (const path of ['edit', 'leave', 'erase'])
        assert.equal((await administrator.get(`/directory/people/${kate}/${path}`)).statusCode, 404, path)
      const group = await officer.get(`/directory/groups/${caseReview}`)
      assert.deepEqual(linkedNames(group.body, '/directory/people', 'Past members of Case Review and Governance'), [
        'Erased person',
      ])
      assert.doesNotMatch(group.body.split('id="history"')[0]!, /Lyons/)
      const csv = (await officer.get(`/directory/groups/${caseReview}/members.csv`)).body
      assert.doesNotMatch(csv, /Lyons|Protecting Vulnerable/)
      assert.match(csv, /Erased person/)
      assert.deepEqual(
        linkedNames((await officer.get('/directory/people?search=lyons&showLeft=yes')).body, '/directory/people'),
        [],
      )
      assert.ok(
        linkedNames((await officer.get('/directory/people?showLeft=yes')).body, '/directory/people').includes(
          'Erased person',
        ),
      )
    })

    it('is refused while an account is linked to the person, or before they have left', async () => {
      const { testApp } = shared
      const administrator = await testApp.signIn(demoEmail.administrator)
      const before = (await directoryAudit(testApp)).length

      // Grace Lindqvist signs in as the demo subgroup member.
      const grace = await idOf(testApp, people, 'Grace Lindqvist')
      let page = await administrator.get(`/directory/people/${grace}/erase`)
      assert.equal(page.statusCode, 200)
      assert.match(textOf(page.body), /You cannot erase Grace Lindqvist’s details while an account is linked to them/)
      assert.match(page.body, /href="\/users\/[0-9a-f-]{36}">Account: Grace Lindqvist</)
      assert.doesNotMatch(page.body, /name="confirm"/)
      let response = await administrator.post(`/directory/people/${grace}/erase`, { version: '1', confirm: 'yes' })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'confirm: You cannot erase this person’s details while an account is linked to them',
      ])

      // Paul Simmons has no account, but is still on the board.
      const paul = await idOf(testApp, people, 'Paul Simmons')
      page = await administrator.get(`/directory/people/${paul}/erase`)
      assert.match(textOf(page.body), /You cannot erase Paul Simmons’s details until they have left/)
      assert.match(page.body, new RegExp(`href="/directory/people/${paul}/leave"`))
      response = await administrator.post(`/directory/people/${paul}/erase`, { version: '1', confirm: 'yes' })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'confirm: You cannot erase this person’s details until they have left',
      ])

      assert.equal((await directoryAudit(testApp)).length, before)
      assert.equal((await personRow(testApp, grace)).name, 'Grace Lindqvist')
      assert.equal((await personRow(testApp, paul)).name, 'Paul Simmons')
    })

    it('does not erase a record someone changed after the page was opened', async () => {
      const { testApp, officer } = shared
      const administrator = await testApp.signIn(demoEmail.administrator)
      const joy = await idOf(testApp, people, 'Joy Mensah')
      const leave = await officer.get(`/directory/people/${joy}/leave`)
      await officer.post(`/directory/people/${joy}/leave`, {
        ...formValues(leave.body),
        ...dateFields('leftOn', '1', '1', '2025'),
      })

      const stale = await administrator.get(`/directory/people/${joy}/erase`)
      const edit = await officer.get(`/directory/people/${joy}/edit`)
      await officer.post(`/directory/people/${joy}/edit`, { ...formValues(edit.body), jobTitle: 'Former lay member' })

      const response = await administrator.post(`/directory/people/${joy}/erase`, {
        ...formValues(stale.body),
        confirm: 'yes',
      })
      assert.equal(response.statusCode, 409)
      assert.equal((await personRow(testApp, joy)).name, 'Joy Mensah')
    })
  })
}
