import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { todayInLondon } from '../src/modules/actions/service.ts'
import { auditCycles, auditFrameworks, auditReturns } from '../src/modules/assurance/audit-schema.ts'
import { ownReturnPanel, overduePanel } from '../src/modules/assurance/cycles/home-panels.ts'
import { sendReminders } from '../src/modules/assurance/cycles/lifecycle.ts'
import { getCycle } from '../src/modules/assurance/cycles/service.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { canSeeConfidential } from '../src/platform/confidential/index.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { users } from '../src/platform/schema.ts'
import { yearContaining } from '../src/platform/reporting-years.ts'
import { addDays } from '../src/platform/working-days.ts'
import { insertAgency, insertCycle, insertFramework, insertPerson } from './builders/index.ts'
import { appForSuite, demoEmail } from './helpers/app.ts'
import { errorSummary, formVersion, textOf } from './helpers/html.ts'
import { outboxTo } from './helpers/outbox.ts'

/**
 * Audit cycles: created with a return per agency, a second return for an agency refused, opened
 * with invitations through the outbox, reminded once per reminder, closed (asking first about
 * drafts), and the overdue returns on their list and the home page.
 */
const dateFields = (name: string, day: string) => {
  const [year, month, date] = day.split('-')
  return { [`${name}-day`]: String(Number(date)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! }
}

describe('audit cycles', () => {
  const shared = appForSuite()
  const today = todayInLondon()
  const dueOn = addDays(today, 10)

  async function demo() {
    const { database, partnershipId } = shared()
    const db = database.db
    const [lead] = await db.select().from(users).where(eq(users.email, demoEmail['agency-lead']))
    const [health] = await db.select().from(agencies).where(eq(agencies.id, lead!.agencyId!))
    const [s11] = await db
      .select()
      .from(auditFrameworks)
      .where(and(eq(auditFrameworks.partnershipId, partnershipId), eq(auditFrameworks.kind, 'section-11')))
    return { db, partnershipId, lead: lead!, health: health!, s11: s11! }
  }

  it('lists the cycles of one kind of audit, as the hub links to them', async () => {
    const session = await shared().signIn(demoEmail['board-member'])
    const schools = textOf((await session.get('/assurance/cycles?kind=schools')).body)
    assert.match(schools, /Schools’ safeguarding audit 2016\/17/)
    assert.doesNotMatch(schools, /Section 11 2014\/15/)
    const section11 = textOf((await session.get('/assurance/cycles?kind=section-11')).body)
    assert.match(section11, /Section 11 2014\/15/)
    assert.doesNotMatch(section11, /Schools’ safeguarding audit/)
  })

  it('creates, opens, reminds and closes a section 11 cycle', async () => {
    const { signIn, app } = shared()
    const { db, partnershipId, lead, health, s11 } = await demo()
    const other = await insertAgency(db, partnershipId, { name: 'Banbury Youth Trust' })
    const session = await signIn(demoEmail['business-unit'])
    const path = `/assurance/cycles/new?framework=${s11.id}`
    const form = await session.get(path)
    assert.match(textOf(form.body), /Oxford Health NHS Foundation Trust/)
    // The years the year pickers offer (the demo's go back to 2014/15), and the one after this one.
    const offered = [...form.body.matchAll(/<option value="(\d{4})"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]])
    assert.deepEqual(
      offered.find(([value]) => value === '2017'),
      ['2017', '2017/18'],
    )
    const thisYear = yearContaining(today).startYear
    assert.ok(offered.some(([value]) => Number(value) === thisYear + 1))
    assert.ok(Number(offered[0]![0]) >= thisYear + 1, 'newest first')

    const fields = { name: 'Section 11 test cycle', startYear: '2016', remindDaysBefore: '7', remindDaysAfter: '1' }
    const backwards = await session.post(path, {
      ...fields,
      ...dateFields('opensOn', dueOn),
      ...dateFields('dueOn', today),
      remindDaysAfter: 'weekly',
    })
    assert.equal(backwards.statusCode, 400)
    assert.deepEqual(errorSummary(backwards.body), [
      'dueOn-day: The due date must be after the opening date',
      'remindDaysAfter: Enter the days after the due date as whole numbers from 1 to 365, separated by commas, like 14, 7',
      'agencyIds: Select the agencies taking part',
    ])

    const created = await session.post(path, {
      ...fields,
      ...dateFields('opensOn', today),
      ...dateFields('dueOn', dueOn),
      agencyIds: [health.id, other.id],
    })
    assert.equal(created.statusCode, 302)
    const id = (created.headers.location as string).split('/')[3]!.split('?')[0]!
    const returns = await db.select().from(auditReturns).where(eq(auditReturns.cycleId, id))
    assert.equal(returns.length, 2)
    const healthReturn = returns.find((r) => r.agencyId === health.id)!
    const leadActor = {
      ...systemActor(partnershipId),
      kind: 'user' as const,
      id: lead.id,
      roles: ['agency-lead' as const],
      agencyId: health.id,
    }
    assert.ok(await canSeeConfidential(db, leadActor, 'audit-return', healthReturn.id))
    assert.ok(!(await canSeeConfidential(db, leadActor, 'audit-return', returns.find((r) => r !== healthReturn)!.id)))

    // A second return for an agency is refused by name.
    const twice = await session.post(`/assurance/cycles/${id}/agencies`, { agencyId: health.id })
    assert.equal(twice.statusCode, 400)
    assert.deepEqual(errorSummary(twice.body), [
      'agencyId: Oxford Health NHS Foundation Trust already has a return in this cycle',
    ])

    // Opening: the lead is emailed a link to the return; the agency with no lead is named.
    const opening = await session.get(`/assurance/cycles/${id}/open`)
    assert.match(textOf(opening.body), /No email for: Banbury Youth Trust/)
    const before = (await outboxTo(db, lead.email)).length
    const opened = await session.post(`/assurance/cycles/${id}/open`, { version: formVersion(opening.body) })
    assert.equal(opened.statusCode, 302)
    const invitations = (await outboxTo(db, lead.email)).slice(before)
    assert.equal(invitations.length, 1)
    assert.equal(invitations[0]!.template, 'audit-invitation')
    assert.ok(invitations[0]!.bodyText.includes(`http://hub.test/assurance/returns/${healthReturn.id}`))
    assert.match(invitations[0]!.bodyText, /reply to this email/)

    // Reminders: the 7-day one goes once, however often the job runs; then the 1-day-after one.
    const baseUrl = app.config.baseUrl
    assert.equal(await sendReminders(db, baseUrl, addDays(dueOn, -8)), 0)
    assert.equal(await sendReminders(db, baseUrl, addDays(dueOn, -7)), 1)
    assert.equal(await sendReminders(db, baseUrl, addDays(dueOn, -7)), 0)
    assert.equal(await sendReminders(db, baseUrl, addDays(dueOn, 1)), 1)
    const reminders = (await outboxTo(db, lead.email)).filter((m) => m.template === 'audit-reminder')
    assert.deepEqual(
      reminders.map((m) => m.subject),
      [
        'Reminder: Section 11 test cycle return due for Oxford Health NHS Foundation Trust',
        'Reminder: Section 11 test cycle return overdue for Oxford Health NHS Foundation Trust',
      ],
    )

    // Closing with drafts asks first, then records who closed it and how many were drafts.
    const closing = await session.get(`/assurance/cycles/${id}/close`)
    assert.match(
      textOf(closing.body),
      /2 returns are still in draft: Banbury Youth Trust, Oxford Health NHS Foundation Trust/,
    )
    const asked = await session.post(`/assurance/cycles/${id}/close`, { version: formVersion(closing.body) })
    assert.equal(asked.statusCode, 400)
    const closed = await session.post(`/assurance/cycles/${id}/close`, {
      version: formVersion(closing.body),
      confirmDrafts: 'true',
    })
    assert.equal(closed.statusCode, 302)
    const cycle = await getCycle(db, partnershipId, id)
    assert.equal(cycle.status, 'closed')
    assert.equal(cycle.closedWithDrafts, 2)
    assert.ok(cycle.closedBy)
    const after = await db.select().from(auditReturns).where(eq(auditReturns.cycleId, id))
    assert.deepEqual([...new Set(after.map((r) => r.status))], ['closed'])
  })

  it('sends a school’s DSL a signed link when a schools’ audit opens', async () => {
    const { signIn } = shared()
    const { db, partnershipId } = await demo()
    const school = await insertAgency(db, partnershipId, { name: 'Cherwell Test Primary School', type: 'school' })
    const dsl = await insertPerson(db, partnershipId, {
      name: 'Dana Lead',
      jobTitle: 'Designated safeguarding lead',
      agencyId: school.id,
      email: 'dana.lead@cherwell-test.example',
    })
    const framework = await insertFramework(db, partnershipId, { kind: 'schools', scale: 'met' })
    const { cycle } = await insertCycle(db, partnershipId, {
      versionId: framework.version.id,
      agencyIds: [school.id],
      status: 'planned',
      dueOn,
    })
    const session = await signIn(demoEmail['business-unit'])
    const page = await session.get(`/assurance/cycles/${cycle.id}/open`)
    assert.doesNotMatch(textOf(page.body), /No email for/)
    await session.post(`/assurance/cycles/${cycle.id}/open`, { version: formVersion(page.body) })
    const [invitation] = await outboxTo(db, dsl.email!)
    assert.match(invitation!.bodyText, /http:\/\/hub\.test\/school-audit\/[A-Za-z0-9_-]{20,}/)
    assert.match(invitation!.bodyText, /no account needed/)
  })

  it('lists overdue returns and counts them on the home page', async () => {
    const { signIn } = shared()
    const { db, partnershipId, health, lead } = await demo()
    const framework = await insertFramework(db, partnershipId)
    await insertCycle(db, partnershipId, {
      versionId: framework.version.id,
      agencyIds: [health.id],
      name: 'Section 11 overdue test',
      dueOn: '2016-11-30',
      status: 'open',
    })
    const session = await signIn(demoEmail['business-unit'])
    const list = await session.get('/assurance/overdue')
    assert.match(
      textOf(list.body),
      /Oxford Health NHS Foundation Trust Section 11 overdue test Section 11 30 November 2016/,
    )
    const csv = await session.get('/assurance/overdue.csv')
    assert.match(csv.body, /Oxford Health NHS Foundation Trust,Section 11 overdue test,Section 11,2016-11-30/)

    const bu = systemActor(partnershipId)
    const panel = await overduePanel.load(db, bu)
    assert.ok(panel!.items.some((i) => /^\d+ section 11 returns? overdue$/.test(i.text)))
    const leadActor = {
      ...systemActor(partnershipId),
      kind: 'user' as const,
      id: lead.id,
      roles: ['agency-lead' as const],
      agencyId: health.id,
    }
    const own = await ownReturnPanel.load(db, leadActor)
    assert.ok(own!.items.some((i) => i.text === 'Your section 11 return is due on 30 November 2016'))

    const cycles = await session.get('/assurance/cycles?year=2016')
    assert.match(textOf(cycles.body), /Section 11 overdue test/)
    const [row] = await db.select().from(auditCycles).where(eq(auditCycles.name, 'Section 11 overdue test'))
    const overview = await session.get(`/assurance/cycles/${row!.id}`)
    assert.match(textOf(overview.body), /Oxford Health NHS Foundation Trust Draft Overdue Not submitted Business unit/)
  })
})
