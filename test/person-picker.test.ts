import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { createPerson } from '../src/modules/partnership/people/service.ts'
import { groupMemberships, groups, people } from '../src/modules/partnership/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { users } from '../src/platform/schema.ts'
import { buildTestApp, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { drivers } from './helpers/database.ts'
import { idOf } from './helpers/records.ts'

/**
 * The person picker: finding someone by part of their name instead of scrolling a list of
 * everyone. Without JavaScript the "Find" button posts the form and it comes back with the
 * people who match; the autocomplete asks the search endpoint as the user types.
 */

function decode(html: string) {
  return html.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!,
  )
}

/** The picker's radios: each person's name and hint, and whether it is checked. */
function pickerChoices(body: string, field = 'personId') {
  return [
    ...body.matchAll(
      new RegExp(
        `<input class="govuk-radios__input" id="[^"]+" name="${field}" type="radio" value="([^"]*)"( checked)?[^>]*>\\s*<label[^>]*>\\s*([^<]*?)\\s*</label>(?:\\s*<div[^>]*govuk-radios__hint">\\s*([^<]*?)\\s*</div>)?`,
        'g',
      ),
    ),
  ].map(([, value, checked, name, hint]) => ({
    value,
    name: decode(name!),
    ...(hint ? { hint: decode(hint) } : {}),
    ...(checked ? { checked: true } : {}),
  }))
}

/** The messages in the GOV.UK error summary. */
function errorSummary(body: string) {
  const summary = body.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)?.[0] ?? ''
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(
    ([, field, text]) => `${field}: ${decode(text!.trim())}`,
  )
}

function inputValue(body: string, name: string) {
  const value = body.match(new RegExp(`name="${name}" type="text"[^>]*value="([^"]*)"`))?.[1]
  return value === undefined ? undefined : decode(value)
}

const startsOn = (day: string, month: string, year: string) => ({
  'startsOn-day': day,
  'startsOn-month': month,
  'startsOn-year': year,
})

describe('the person picker', () => {
  const closers: (() => Promise<void>)[] = []
  let testApp: TestApp
  let officer: Session
  before(async () => {
    testApp = await buildTestApp({ after: (fn: () => Promise<void>) => closers.push(fn) })
    officer = await testApp.signIn(demoEmail['business-unit'])
  })
  after(async () => {
    for (const close of closers) await close()
  })

  describe('without JavaScript, on the add-member form', () => {
    it('Tom finds Lucy Hart by part of her name, keeping what he had typed, and adds her to a group', async () => {
      const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
      const lucy = await idOf(testApp, people, 'Lucy Hart')
      const form = `/directory/groups/${caseReview}/members/new`

      const blank = await officer.get(form)
      assert.equal(blank.statusCode, 200)
      assert.match(blank.body, /<label class="govuk-label" for="personId">\s*Search for a person by name/)
      assert.match(blank.body, /<button type="submit" value="personId" name="_find"[^>]*>\s*Find/)
      assert.deepEqual(pickerChoices(blank.body), [], 'a fresh form lists nobody')
      assert.ok(!blank.body.includes('Joy Mensah'), 'nor the whole partnership in a select')

      const found = await officer.post(form, {
        _find: 'personId',
        'personId-search': 'hart',
        role: 'vice-chair',
        ...startsOn('1', '4', '2024'),
      })
      assert.equal(found.statusCode, 200, 'finding is not an error')
      assert.deepEqual(errorSummary(found.body), [])
      assert.deepEqual(pickerChoices(found.body), [
        { value: lucy, name: 'Lucy Hart', hint: 'Chief Nurse, Oxford University Hospitals NHS Foundation Trust' },
      ])
      assert.equal(inputValue(found.body, 'personId-search'), 'hart')
      assert.equal(inputValue(found.body, 'startsOn-day'), '1')
      assert.equal(inputValue(found.body, 'startsOn-year'), '2024')
      assert.match(found.body, /value="vice-chair" checked/)
      const [before] = await testApp.database.db
        .select({ id: groupMemberships.id })
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, caseReview), eq(groupMemberships.personId, lucy)))
      assert.equal(before, undefined, 'finding saves nothing')

      const saved = await officer.post(form, {
        personId: lucy,
        'personId-search': 'hart',
        role: 'vice-chair',
        ...startsOn('1', '4', '2024'),
      })
      assert.equal(saved.statusCode, 302)
      assert.equal(saved.headers.location, `/directory/groups/${caseReview}?saved=1`)
      const [membership] = await testApp.database.db
        .select()
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, caseReview), eq(groupMemberships.personId, lucy)))
      assert.equal(membership?.role, 'vice-chair')
      assert.equal(membership?.startsOn, '2024-04-01')
    })

    it('says when no one matches, when the box was empty, and when there are more people than it shows', async () => {
      const form = `/directory/groups/${await idOf(testApp, groups, 'Case Review and Governance')}/members/new`

      const nobody = await officer.post(form, { _find: 'personId', 'personId-search': 'Zebedee' })
      assert.equal(nobody.statusCode, 200)
      assert.match(decode(nobody.body), /No people match ‘Zebedee’\./)
      assert.deepEqual(pickerChoices(nobody.body), [])

      const empty = await officer.post(form, { _find: 'personId', 'personId-search': '  ' })
      assert.equal(empty.statusCode, 200)
      assert.match(empty.body, /Enter part of their name, then select Find\./)

      // A partnership of thousands: 25 Morgans, and the picker shows 20 and asks for more of the name.
      const actor = systemActor(testApp.partnershipId)
      for (let n = 1; n <= 25; n++)
        await createPerson(testApp.database.db, actor, {
          name: `Morgan Reed ${String(n).padStart(2, '0')}`,
          jobTitle: null,
          agencyId: null,
          email: null,
        })
      const many = await officer.post(form, { _find: 'personId', 'personId-search': 'morgan reed' })
      const choices = pickerChoices(many.body)
      assert.equal(choices.length, 20)
      assert.equal(choices[0]!.name, 'Morgan Reed 01')
      assert.match(
        decode(many.body),
        /These are the first 20 people who match ‘morgan reed’\. Enter more of their name to find fewer\./,
      )
      const narrowed = await officer.post(form, { _find: 'personId', 'personId-search': 'morgan reed 25' })
      assert.deepEqual(
        pickerChoices(narrowed.body).map((c) => c.name),
        ['Morgan Reed 25'],
      )
    })

    it('saving with a name typed but no one chosen asks to choose, showing who matches', async () => {
      const form = `/directory/groups/${await idOf(testApp, groups, 'Case Review and Governance')}/members/new`
      const response = await officer.post(form, {
        'personId-search': 'ruth',
        role: 'member',
        ...startsOn('1', '4', '2024'),
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), ['personId: Select a person from the list'])
      assert.deepEqual(
        pickerChoices(response.body).map((c) => c.name),
        ['Ruth Evans'],
      )
      assert.equal(inputValue(response.body, 'personId-search'), 'ruth')
    })

    it('a person id posted straight from a script still works, and one from nowhere is refused', async () => {
      const performance = await idOf(testApp, groups, 'Performance, Audit and Quality Assurance')
      const form = `/directory/groups/${performance}/members/new`
      const refused = await officer.post(form, {
        personId: '00000000-0000-4000-8000-000000000000',
        role: 'member',
        ...startsOn('1', '4', '2024'),
      })
      assert.equal(refused.statusCode, 400)
      assert.deepEqual(errorSummary(refused.body), ['personId: Select a person from the list'])
      const saved = await officer.post(form, {
        personId: await idOf(testApp, people, 'Joy Mensah'),
        role: 'member',
        ...startsOn('1', '4', '2024'),
      })
      assert.equal(saved.statusCode, 302)
    })
  })

  describe('without JavaScript, on the account form', () => {
    it('the administrator sees Grace as the account’s current entry, finds Lucy instead, then chooses none', async () => {
      const admin = await testApp.signIn(demoEmail.administrator)
      const [account] = await testApp.database.db
        .select()
        .from(users)
        .where(eq(users.email, demoEmail['subgroup-member']))
      const grace = await idOf(testApp, people, 'Grace Lindqvist')
      const lucy = await idOf(testApp, people, 'Lucy Hart')
      const form = `/users/${account!.id}/edit`

      const opened = await admin.get(form)
      assert.equal(opened.statusCode, 200)
      assert.deepEqual(pickerChoices(opened.body), [
        {
          value: grace,
          name: 'Grace Lindqvist',
          hint: 'Named Nurse, Safeguarding Children, Oxford Health NHS Foundation Trust',
          checked: true,
        },
        { value: '', name: 'None' },
      ])
      const version = opened.body.match(/name="version" value="(\d+)"/)![1]!
      const fields = { name: account!.name, roles: 'subgroup-member', agencyId: '', version }

      const found = await admin.post(form, { ...fields, personId: grace, _find: 'personId', 'personId-search': 'hart' })
      assert.equal(found.statusCode, 200)
      assert.deepEqual(
        pickerChoices(found.body).map((c) => `${c.name}${c.checked ? ' (checked)' : ''}`),
        ['Grace Lindqvist (checked)', 'Lucy Hart', 'None'],
      )

      // Lucy's name typed but no one chosen: not saved as "no entry".
      const unchosen = await admin.post(form, { ...fields, 'personId-search': 'hart' })
      assert.equal(unchosen.statusCode, 400)
      assert.deepEqual(errorSummary(unchosen.body), ['personId: Select a person from the list'])
      const [still] = await testApp.database.db.select().from(users).where(eq(users.id, account!.id))
      assert.equal(still!.personId, grace)

      const moved = await admin.post(form, { ...fields, personId: lucy, 'personId-search': 'hart' })
      assert.equal(moved.statusCode, 302)
      const [linked] = await testApp.database.db.select().from(users).where(eq(users.id, account!.id))
      assert.equal(linked!.personId, lucy)

      const reopened = await admin.get(form)
      const cleared = await admin.post(form, {
        ...fields,
        version: reopened.body.match(/name="version" value="(\d+)"/)![1]!,
        personId: '',
      })
      assert.equal(cleared.statusCode, 302)
      const [unlinked] = await testApp.database.db.select().from(users).where(eq(users.id, account!.id))
      assert.equal(unlinked!.personId, null)
    })
  })
})

for (const driver of drivers) {
  describe(`the people search behind the autocomplete, on ${driver}`, () => {
    const closers: (() => Promise<void>)[] = []
    let testApp: TestApp
    before(async () => {
      testApp = await buildTestApp({ after: (fn: () => Promise<void>) => closers.push(fn) }, { driver })
    })
    after(async () => {
      for (const close of closers) await close()
    })

    it('answers the words typed with matching people as JSON, kept by no cache', async () => {
      const officer = await testApp.signIn(demoEmail['business-unit'])
      const response = await officer.get('/directory/people/search?q=nurse')
      assert.equal(response.statusCode, 200)
      assert.match(String(response.headers['content-type']), /^application\/json/)
      assert.equal(response.headers['cache-control'], 'no-store')
      const found = response.json() as { id: string; name: string; hint: string | null }[]
      assert.deepEqual(
        found.map((p) => `${p.name} (${p.hint})`),
        [
          'Lucy Hart (Chief Nurse, Oxford University Hospitals NHS Foundation Trust)',
          'Anna Kowalski (Designated Nurse for Safeguarding Children, Oxfordshire Clinical Commissioning Group)',
          'Grace Lindqvist (Named Nurse, Safeguarding Children, Oxford Health NHS Foundation Trust)',
        ],
      )
      assert.ok(found.every((p) => /^[0-9a-f-]{36}$/.test(p.id)))
      assert.deepEqual(Object.keys(found[0]!).sort(), ['hint', 'id', 'name'], 'no email or other detail')
    })

    it('an agency lead finds only their own agency’s people', async () => {
      const lead = await testApp.signIn(demoEmail['agency-lead'])
      const found = (await lead.get('/directory/people/search?q=nurse')).json() as { name: string }[]
      assert.deepEqual(
        found.map((p) => p.name),
        ['Grace Lindqvist'],
      )
    })

    it('a signed-out visitor is sent to sign in', async () => {
      const visitor = await testApp.visitor()
      const response = await visitor.get('/directory/people/search?q=nurse')
      assert.equal(response.statusCode, 302)
      assert.equal(
        response.headers.location,
        `/sign-in?returnTo=${encodeURIComponent('/directory/people/search?q=nurse')}`,
      )
    })

    it('an empty, long, odd or broken query gets an answer, never an error', async () => {
      const officer = await testApp.signIn(demoEmail['business-unit'])
      const ask = (query: string) => officer.get(`/directory/people/search${query}`)
      for (const query of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(5000)}`, '?q=%25_%5C', '?q=a&q=b']) {
        const response = await ask(query)
        assert.equal(response.statusCode, 200, query.slice(0, 40))
        assert.ok(Array.isArray(response.json()), query.slice(0, 40))
      }
      assert.deepEqual(((await ask('?q=%25_%5C')).json() as unknown[]).length, 0, 'wildcards are taken literally')
      assert.equal((await ask('?q=nur%00se')).statusCode, 400)
      // Every demo email address ends oscb.example.
      assert.equal(((await ask('?q=example')).json() as unknown[]).length, 20, 'at most 20 people')
    })
  })
}
