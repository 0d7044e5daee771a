import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, inArray } from 'drizzle-orm'
import { agencies, people } from '../src/modules/partnership/schema.ts'
import { listAgencyOptions } from '../src/modules/partnership/agencies/service.ts'
import { dslJobTitle } from '../src/modules/assurance/schools/plan.ts'
import { importBatches } from '../src/platform/imports/schema.ts'
import { auditLog, users } from '../src/platform/schema.ts'
import { insertAgency, insertCycle, insertFramework } from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { multipart } from './helpers/multipart.ts'

/** Schools in the directory: the import, the list, keeping them out of partner agencies' places, and the /assurance hub. */
describe('schools and the quality assurance hub', () => {
  const app = appForSuite()
  let testApp: TestApp
  let officer: Session
  let db: TestApp['database']['db']
  let pid: string

  before(async () => {
    testApp = app()
    db = testApp.database.db
    pid = testApp.partnershipId
    officer = await testApp.signIn(demoEmail['business-unit'])
  })

  /** Uploads a CSV to the schools import; the batch page's path and body. */
  async function upload(lines: string[], name = 'schools.csv') {
    const posted = await officer.request({
      method: 'POST',
      url: '/assurance/schools/import',
      ...multipart({ _csrf: officer.csrfToken }, { name, content: Buffer.from(`${lines.join('\r\n')}\r\n`) }),
    })
    assert.equal(posted.statusCode, 302, posted.body)
    const path = posted.headers.location as string
    return { path, body: (await officer.get(path)).body }
  }

  async function apply(path: string) {
    const applied = await officer.post(`${path}/apply`)
    assert.equal(applied.statusCode, 302)
    return (await officer.get(applied.headers.location as string)).body
  }

  const schoolByUrn = (urn: string) =>
    db
      .select()
      .from(agencies)
      .where(and(eq(agencies.partnershipId, pid), eq(agencies.urn, urn)))
  const leadsAt = (agencyId: string) =>
    db
      .select()
      .from(people)
      .where(and(eq(people.agencyId, agencyId), eq(people.jobTitle, dslJobTitle)))

  it('the demo’s schools came in through an applied import, each with its lead', async () => {
    const schools = await db
      .select({ id: agencies.id, urn: agencies.urn })
      .from(agencies)
      .where(and(eq(agencies.partnershipId, pid), eq(agencies.type, 'school')))
    assert.ok(schools.length >= 240 && schools.length <= 260, `${schools.length} schools`)
    assert.ok(schools.every((s) => /^\d{6}$/.test(s.urn ?? '')))
    const [batch] = await db
      .select()
      .from(importBatches)
      .where(and(eq(importBatches.partnershipId, pid), eq(importBatches.kind, 'assurance-schools')))
    assert.equal(batch?.status, 'applied')
    const leads = await db
      .select({ agencyId: people.agencyId })
      .from(people)
      .where(
        and(
          inArray(
            people.agencyId,
            schools.map((s) => s.id),
          ),
          eq(people.jobTitle, dslJobTitle),
        ),
      )
    assert.equal(new Set(leads.map((l) => l.agencyId)).size, schools.length)
  })

  it('imports a good file, and a second import changes the school and its lead instead of adding more', async () => {
    const first = await upload([
      'URN,School name,Designated safeguarding lead,DSL email',
      '990001,Test Meadow Primary School,Ann Example,ann.example@meadow.test',
      '990002,Test Hill School,,',
    ])
    assert.match(first.body, /Import 2 rows/)
    assert.match(await apply(first.path), /2 rows added, 0 unchanged/)
    const [meadow] = await schoolByUrn('990001')
    assert.equal(meadow?.type, 'school')
    assert.deepEqual(
      (await leadsAt(meadow!.id)).map((p) => [p.name, p.email]),
      [['Ann Example', 'ann.example@meadow.test']],
    )

    const second = await upload(
      [
        'URN,School name,DSL,DSL email',
        '990001,Test Meadow Church of England Primary School,Ben Example,BEN.example@meadow.test',
        '990002,Test Hill School,Cat Example,cat.example@hill.test',
      ],
      'schools-2.csv',
    )
    assert.match(await apply(second.path), /0 rows added, 0 unchanged, 2 replaced/)
    const renamed = await schoolByUrn('990001')
    assert.equal(renamed.length, 1)
    assert.equal(renamed[0]!.name, 'Test Meadow Church of England Primary School')
    assert.equal(renamed[0]!.version, 2)
    const leads = await leadsAt(meadow!.id)
    assert.deepEqual(
      leads.map((p) => [p.name, p.email, p.sortName]),
      [['Ben Example', 'ben.example@meadow.test', 'Example, Ben']],
    )
    const [hill] = await schoolByUrn('990002')
    assert.equal((await leadsAt(hill!.id)).length, 1)
    const history = await db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'person'), eq(auditLog.recordId, leads[0]!.id)))
    assert.deepEqual(
      history.map((h) => h.summary),
      [
        'Added Ann Example, designated safeguarding lead at Test Meadow Primary School (from schools.csv)',
        'Changed the designated safeguarding lead at Test Meadow Church of England Primary School (from schools-2.csv)',
      ],
    )
  })

  it('reports bad rows by line and column, and imports none of the file', async () => {
    const bad = await upload([
      'URN,School name,Designated safeguarding lead,DSL email',
      '12345,Short Urn School,,',
      '990010,Good School,,',
      '990011,,,',
      '990012,Bad Email School,Dee Example,not-an-email',
      '990013,Lonely Email School,,lonely@example.test',
    ])
    const text = bad.body.replace(/\s+/g, ' ')
    for (const expected of [
      /URN must be 6 digits, like 123456/,
      /Enter an email address in the correct format/,
      /Enter the designated safeguarding lead’s name as well as their email/,
    ])
      assert.match(text, expected)
    assert.deepEqual(await errorCells(bad.path), [
      [2, 'URN'],
      [4, 'School name'],
      [5, 'DSL email'],
      [6, 'Designated safeguarding lead'],
    ])
    const refused = await officer.post(`${bad.path}/apply`)
    assert.match(refused.headers.location as string, /refused=errors/)
    assert.equal((await schoolByUrn('990010')).length, 0)

    // Rows that are each well formed, but not together or beside the directory.
    const [taken] = await schoolByUrn('990002')
    const clash = await upload([
      'URN,School name,Designated safeguarding lead,DSL email',
      '990010,Good School,,',
      '990010,Repeated Urn School,,',
      `990014,${taken!.name},,`,
      '990015,Good School,,',
      '990016,Same Email School,Eve Example,cat.example@hill.test',
    ])
    const said = clash.body.replace(/\s+/g, ' ')
    for (const expected of [
      /URN 990010 is also on line 2: give each school once/,
      /The directory already has an agency called Test Hill School \(URN 990002\)/,
      /Line 2 has the same school name/,
      /cat.example@hill.test is the email of someone else in the directory/,
    ])
      assert.match(said, expected)
    assert.deepEqual(await errorCells(clash.path), [
      [3, 'URN'],
      [4, 'School name'],
      [5, 'School name'],
      [6, 'DSL email'],
    ])
    assert.equal((await schoolByUrn('990010')).length, 0)
  })

  async function errorCells(path: string) {
    const [batch] = await db
      .select({ errors: importBatches.errors })
      .from(importBatches)
      .where(eq(importBatches.id, path.split('/').pop()!))
    return batch!.errors.map((e) => [e.line, e.column]).sort((a, b) => Number(a[0]) - Number(b[0]))
  }

  it('lists the schools sorted and searchable, with the template and downloads; emails only for the business unit', async () => {
    const byUrn = await officer.get('/assurance/schools?sort=urn&direction=desc')
    assert.equal(byUrn.statusCode, 200)
    const urns = [...byUrn.body.matchAll(/<td class="govuk-table__cell">(\d{6})<\/td>/g)].map((m) => m[1]!)
    assert.ok(urns.length > 10)
    assert.deepEqual(urns, [...urns].sort().reverse())
    assert.match(byUrn.body, /schools/)
    const found = await officer.get('/assurance/schools?search=990002')
    assert.match(found.body, /Test Hill School/)
    assert.match(found.body, /cat\.example@hill\.test/)
    assert.doesNotMatch(found.body, /Test Meadow/)

    const csv = parseCsv((await officer.get('/assurance/schools.csv?search=990002')).body)
    assert.deepEqual(csv, [
      ['URN', 'School name', 'Designated safeguarding lead', 'DSL email', 'Status'],
      ['990002', 'Test Hill School', 'Cat Example', 'cat.example@hill.test', 'Active'],
    ])
    const xlsx = await officer.get('/assurance/schools.xlsx')
    assert.equal(xlsx.statusCode, 200)
    const template = await officer.get('/assurance/schools/import/template.csv')
    assert.equal(template.body.replace(/^\ufeff/, '').trim(), 'URN,School name,Designated safeguarding lead,DSL email')

    const member = await testApp.signIn(demoEmail['board-member'])
    const page = await member.get('/assurance/schools?search=990002')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Cat Example/)
    assert.doesNotMatch(page.body, /cat\.example@hill\.test/)
    assert.doesNotMatch(page.body, /Import schools/)
    assert.deepEqual(parseCsv((await member.get('/assurance/schools.csv?search=990002')).body)[1], [
      '990002',
      'Test Hill School',
      'Cat Example',
      'Active',
    ])
    assert.equal((await member.get('/assurance/schools/import')).statusCode, 403)
  })

  it('keeps schools out of the places meant for partner agencies', async () => {
    const [school] = await schoolByUrn('990002')
    const partners = await listAgencyOptions(db, pid)
    assert.ok(partners.length > 0)
    assert.ok(!partners.some((a) => a.id === school!.id))
    assert.ok((await listAgencyOptions(db, pid, { keep: school!.id })).some((a) => a.id === school!.id))

    const agenciesPage = await officer.get('/directory/agencies?search=Test')
    assert.doesNotMatch(agenciesPage.body, /Test Hill School/)
    assert.match((await officer.get('/directory/agencies?search=Test&type=school')).body, /Test Hill School/)
    assert.match((await officer.get('/directory/agencies?search=Test&type=all')).body, /Test Hill School/)
    const schoolPage = await officer.get(`/directory/agencies/${school!.id}`)
    assert.match(schoolPage.body, /990002/)

    // A lead's own school stays on their form; the people filter and action forms offer partner agencies only.
    const [lead] = await leadsAt(school!.id)
    const edit = await officer.get(`/directory/people/${lead!.id}/edit`)
    assert.match(edit.body, new RegExp(`value="${school!.id}" selected`))
    const peopleList = await officer.get('/directory/people?search=Example')
    assert.doesNotMatch(peopleList.body, new RegExp(`value="${school!.id}"`))
    assert.doesNotMatch(peopleList.body, /Cat Example/)
    assert.match((await officer.get(`/directory/people?agencyId=${school!.id}`)).body, /Cat Example/)
    // Schools have no non-attendance charge of their own: they are not on booking forms.
    assert.doesNotMatch((await officer.get('/learning/settings/charges')).body, /charge-school/)
  })

  it('the hub shows the business unit every part, and an agency lead their agency’s open returns', async () => {
    const hub = await officer.get('/assurance')
    assert.equal(hub.statusCode, 200)
    for (const text of ['Section 11 audits', 'Audit frameworks', 'Schools and colleges', 'Case audits', 'Settings'])
      assert.match(hub.body, new RegExp(`>${text}</a>`))
    assert.match(hub.body, /The audit subgroup is Performance, Audit and Quality Assurance/)
    assert.match(hub.body, /with their designated safeguarding leads: 2\d\d schools/)
    assert.doesNotMatch(hub.body, /Your agency’s returns/)

    const [lead] = await db.select().from(users).where(eq(users.email, demoEmail['agency-lead']))
    const other = await insertAgency(db, pid, { name: 'Another Test Agency' })
    const { version } = await insertFramework(db, pid)
    const { returns } = await insertCycle(db, pid, {
      versionId: version.id,
      agencyIds: [lead!.agencyId!, other.id],
      name: 'Section 11 hub test',
    })
    const sam = await testApp.signIn(demoEmail['agency-lead'])
    const page = await sam.get('/assurance')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Your agency’s returns/)
    assert.match(page.body, new RegExp(`href="/assurance/returns/${returns[0]!.id}"`))
    assert.doesNotMatch(page.body, new RegExp(returns[1]!.id))
    assert.match(page.body, /Draft/)
    assert.doesNotMatch(page.body, />Settings</)
    assert.doesNotMatch(page.body, />Audit frameworks</)
    assert.match(page.body, />Case audits</)
  })
})
