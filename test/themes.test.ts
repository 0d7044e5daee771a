import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, asc, count, eq, sql } from 'drizzle-orm'
import { pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { ValidationError } from '../src/platform/errors.ts'
import {
  defaultThemes,
  replaceThemeTags,
  themeCheckboxItems,
  themeNames,
  themeOptions,
  validateThemeIds,
} from '../src/modules/themes/index.ts'
import { themes } from '../src/modules/themes/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertPartnership } from './builders/index.ts'
import { demoEmail, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { banner, errorSummary, formVersion, history, linkedNames, pageTitle, summaryListRows } from './helpers/html.ts'
import { drivers } from './helpers/database.ts'
import { officerForSuite } from './helpers/records.ts'

/**
 * The shared themes taxonomy: the business unit keeps the list, a retired theme stays on what it
 * tagged but is offered no more, and other modules tag their records through the helpers.
 */

async function themeId(testApp: TestApp, name: string, partnershipId = testApp.partnershipId) {
  const [row] = await testApp.database.db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.partnershipId, partnershipId), eq(themes.name, name)))
  assert.ok(row, `no theme ${name}`)
  return row.id
}

async function themeCount(testApp: TestApp) {
  const { db } = testApp.database
  const [rows] = await db.select({ n: count() }).from(themes).where(eq(themes.partnershipId, testApp.partnershipId))
  const [changes] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.partnershipId, testApp.partnershipId), eq(auditLog.recordType, 'theme')))
  return { themes: rows!.n, changes: changes!.n }
}

for (const driver of drivers) {
  describe(`the business unit keeps the partnership’s themes (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('starts with the default list, adds a theme, changes it and finds both in its history', async () => {
      const { testApp, officer } = shared
      let response = await officer.get('/themes')
      assert.equal(response.statusCode, 200)
      const listed = linkedNames(response.body, '/themes')
      assert.deepEqual([...listed].sort(), defaultThemes.map((t) => t.name).sort())
      assert.ok(listed.includes('Fathers and male carers') && listed.includes('Online safety'))

      response = await officer.post('/themes/new', { name: '  Hidden harm ', description: 'Harm out of sight' })
      assert.equal(response.statusCode, 302)
      const id = await themeId(testApp, 'Hidden harm')
      assert.equal(response.headers.location, `/themes/${id}?saved=1`)

      let page = await officer.get(`/themes/${id}/edit`)
      response = await officer.post(`/themes/${id}/edit`, {
        version: formVersion(page.body),
        name: 'Hidden harm and invisible men',
        description: '',
      })
      assert.equal(response.headers.location, `/themes/${id}?saved=1`)
      page = await officer.get(`/themes/${id}?saved=1`)
      assert.equal(banner(page.body), 'Theme saved')
      assert.equal(summaryListRows(page.body).Description, 'None given')
      assert.deepEqual(history(page.body), [
        'Changed theme Hidden harm and invisible men (by Tom Whitfield)',
        'Added theme Hidden harm (by Tom Whitfield)',
      ])
    })

    it('refuses a name the partnership already has, whatever its case, and saves nothing', async () => {
      const { testApp, officer } = shared
      const before = await themeCount(testApp)
      let response = await officer.post('/themes/new', { name: 'NEGLECT', description: '' })
      assert.equal(response.statusCode, 400)
      assert.match(pageTitle(response.body), /^Error: /)
      assert.deepEqual(errorSummary(response.body), ['name: There is already a theme with this name'])
      assert.match(response.body, /value="NEGLECT"/, 'what was typed is kept')

      const id = await themeId(testApp, 'Self-harm')
      const page = await officer.get(`/themes/${id}/edit`)
      response = await officer.post(`/themes/${id}/edit`, {
        version: formVersion(page.body),
        name: 'online safety',
        description: '',
      })
      assert.deepEqual(errorSummary(response.body), ['name: There is already a theme with this name'])

      response = await officer.post('/themes/new', { name: '', description: 'x'.repeat(301) })
      assert.deepEqual(errorSummary(response.body), [
        'name: Enter the theme’s name',
        'description: Description must be 300 characters or less',
      ])
      assert.deepEqual(await themeCount(testApp), before)
    })

    it('retires a theme, which stays on records that have it but is offered no more, and reinstates it', async () => {
      const { testApp, officer } = shared
      const { db } = testApp.database
      const id = await themeId(testApp, 'Safe sleeping')
      let page = await officer.get(`/themes/${id}`)
      let response = await officer.post(`/themes/${id}/retire`, { version: formVersion(page.body) })
      assert.equal(response.headers.location, `/themes/${id}?retired=1`)
      page = await officer.get(response.headers.location as string)
      assert.equal(banner(page.body), 'Theme retired. Records tagged with it keep it.')
      assert.match(page.body, />\s*Reinstate theme\s*</)

      // Offered no more, unless the record already has it
      const offered = (options: { includeIds?: string[] } = {}) =>
        themeOptions(db, testApp.partnershipId, options).then((list) => list.map((t) => t.name))
      assert.ok(!(await offered()).includes('Safe sleeping'))
      const kept = await themeOptions(db, testApp.partnershipId, { includeIds: [id] })
      assert.ok(kept.some((t) => t.name === 'Safe sleeping' && !t.active))
      assert.equal(themeCheckboxItems(kept, [id]).find((item) => item.value === id)?.checked, true)
      // Chosen anew it is refused; kept on a record that had it, it is accepted
      await assert.rejects(validateThemeIds(db, testApp.partnershipId, [id]), ValidationError)
      assert.deepEqual(await validateThemeIds(db, testApp.partnershipId, [id], { kept: [id] }), [
        { id, name: 'Safe sleeping' },
      ])

      // The list filters by status
      const retired = await officer.get('/themes?status=retired')
      assert.deepEqual(linkedNames(retired.body, '/themes'), ['Safe sleeping'])
      assert.ok(!linkedNames((await officer.get('/themes?status=active')).body, '/themes').includes('Safe sleeping'))

      // Retiring it again (a second click) changes nothing; a form opened before the retirement is stale
      response = await officer.post(`/themes/${id}/retire`, { version: '1' })
      assert.equal(response.headers.location, `/themes/${id}?unchanged=1`)
      assert.equal((await officer.post(`/themes/${id}/reinstate`, { version: '1' })).statusCode, 409)

      response = await officer.post(`/themes/${id}/reinstate`, { version: formVersion(page.body) })
      assert.equal(response.headers.location, `/themes/${id}?reinstated=1`)
      assert.ok((await offered()).includes('Safe sleeping'))
      page = await officer.get(`/themes/${id}`)
      assert.deepEqual(history(page.body).slice(0, 2), [
        'Reinstated theme Safe sleeping (by Tom Whitfield)',
        'Retired theme Safe sleeping (by Tom Whitfield)',
      ])
    })

    it('downloads the list as CSV, with the same filters and sort as the page', async () => {
      const { officer } = shared
      const page = await officer.get('/themes?status=active&sort=name&direction=desc')
      assert.match(page.body, /href="\/themes\.csv\?status=active&amp;sort=name&amp;direction=desc"/)
      const response = await officer.get('/themes.csv?status=active&sort=name&direction=desc')
      assert.equal(response.statusCode, 200)
      assert.match(String(response.headers['content-type']), /text\/csv/)
      const [header, ...rows] = parseCsv(response.body)
      assert.deepEqual(header, ['Name', 'Description', 'Status', 'Last changed'])
      assert.deepEqual(
        rows.map((r) => r[0]),
        linkedNames(page.body, '/themes'),
      )
      assert.ok(rows.every((r) => r[2] === 'Active'))
      const neglect = rows.find((r) => r[0] === 'Neglect')
      assert.equal(neglect?.[1], defaultThemes.find((t) => t.name === 'Neglect')!.description)
    })
  })
}

describe('themes belong to one partnership', () => {
  const shared = officerForSuite()

  it('refuses another partnership’s theme, on its page and when tagging', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    const other = await insertPartnership(db)
    const theirs = await themeId(testApp, 'Neglect', other.partnershipId)
    const ours = await themeId(testApp, 'Neglect')
    assert.notEqual(theirs, ours)

    assert.equal((await officer.get(`/themes/${theirs}`)).statusCode, 404)
    assert.equal((await officer.post(`/themes/${theirs}/retire`, { version: '1' })).statusCode, 404)
    await assert.rejects(validateThemeIds(db, testApp.partnershipId, [ours, theirs]), (error: unknown) => {
      assert.ok(error instanceof ValidationError)
      assert.deepEqual(error.fieldErrors, { themeIds: 'Select themes from the list' })
      return true
    })
    await assert.rejects(
      validateThemeIds(db, testApp.partnershipId, [theirs], { field: 'courseThemes' }),
      (error: unknown) => error instanceof ValidationError && 'courseThemes' in error.fieldErrors,
    )
    assert.deepEqual(await validateThemeIds(db, testApp.partnershipId, [ours, ours]), [{ id: ours, name: 'Neglect' }])
    assert.deepEqual(await validateThemeIds(db, testApp.partnershipId, []), [])
    assert.deepEqual(await themeNames(db, [await themeId(testApp, 'Thresholds'), ours, 'not-an-id']), [
      'Neglect',
      'Thresholds',
    ])
  })

  it('lets a module replace a record’s tags in its own join table, inside its transaction', async () => {
    const { testApp } = shared
    const { db } = testApp.database
    // A join table as a module would declare it (README.md): its record column, partnership and theme.
    const lessonThemes = pgTable(
      'test_lesson_themes',
      {
        lessonId: uuid('lesson_id').notNull(),
        partnershipId: uuid('partnership_id').notNull(),
        themeId: uuid('theme_id')
          .notNull()
          .references(() => themes.id),
      },
      (t) => [primaryKey({ columns: [t.lessonId, t.themeId] })],
    )
    await db.execute(
      sql`create table test_lesson_themes (lesson_id uuid not null, partnership_id uuid not null, theme_id uuid not null references themes(id), primary key (lesson_id, theme_id))`,
    )
    const lesson = '5b0c2a4e-9a57-4c3f-8f5e-2d6f0e2b7c11'
    const other = '5b0c2a4e-9a57-4c3f-8f5e-2d6f0e2b7c12'
    const [neglect, online, thresholds] = await Promise.all(
      ['Neglect', 'Online safety', 'Thresholds'].map((name) => themeId(testApp, name)),
    )
    const tags = { table: lessonThemes, record: lessonThemes.lessonId }
    const tagged = (id: string) =>
      db
        .select({ themeId: lessonThemes.themeId })
        .from(lessonThemes)
        .where(eq(lessonThemes.lessonId, id))
        .orderBy(asc(lessonThemes.themeId))
        .then((rows) => rows.map((r) => r.themeId).sort())

    await db.transaction(async (tx) => {
      await replaceThemeTags(tx, tags, testApp.partnershipId, lesson, [neglect!, online!])
      await replaceThemeTags(tx, tags, testApp.partnershipId, other, [neglect!])
    })
    assert.deepEqual(await tagged(lesson), [neglect, online].sort())
    await db.transaction((tx) => replaceThemeTags(tx, tags, testApp.partnershipId, lesson, [online!, thresholds!]))
    assert.deepEqual(await tagged(lesson), [online, thresholds].sort())
    assert.deepEqual(await tagged(other), [neglect], 'another record’s tags are untouched')
    // A failed save leaves the tags as they were
    await assert.rejects(
      db.transaction(async (tx) => {
        await replaceThemeTags(tx, tags, testApp.partnershipId, lesson, [])
        throw new Error('the record failed to save')
      }),
    )
    assert.deepEqual(await tagged(lesson), [online, thresholds].sort())
    await db.transaction((tx) => replaceThemeTags(tx, tags, testApp.partnershipId, lesson, []))
    assert.deepEqual(await tagged(lesson), [])
  })

  it('lets every role read the themes, and only the administrator and business unit change them', async () => {
    const { testApp } = shared
    const reader = await testApp.signIn(demoEmail['board-member'])
    const list = await reader.get('/themes')
    assert.equal(list.statusCode, 200)
    assert.doesNotMatch(list.body, /Add a theme/)
    const id = await themeId(testApp, 'Neglect')
    const page = await reader.get(`/themes/${id}`)
    assert.doesNotMatch(page.body, /Retire theme|id="history"/)
    assert.equal((await reader.get('/themes/new')).statusCode, 403)
    assert.equal((await reader.post(`/themes/${id}/retire`, { version: '1' })).statusCode, 403)
  })
})
