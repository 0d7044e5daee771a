import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { insertPartnership } from './builders/index.ts'
import { createTestDatabase, type TestDatabase } from './helpers/database.ts'

/**
 * The demo's 2016/17 learning and development reads as the seed paper does — over 150 events,
 * over 9,000 people reached, four learning events of about 150, a termly newsletter to over 4,000
 * — counted here in SQL by the reach figures' definitions, straight from the records. And the demo
 * is the same every time it is loaded.
 */
const year = reportingYear(2016)

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: number }[] }
  return Number(result.rows[0]!.n)
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

/** The year's reach, by the definitions the figures use. */
async function reach(db: Database, partnershipId: string) {
  const start = sql`(${year.start}::date at time zone 'Europe/London')`
  const end = sql`(${year.endExclusive}::date at time zone 'Europe/London')`
  const delivered = sql`select e.id, c.format from training_events e join courses c on c.id = e.course_id
    where e.partnership_id = ${partnershipId} and e.status = 'completed' and e.starts_at >= ${start} and e.starts_at < ${end}`
  const yearEnd = sql`((${year.end}::date + 1) at time zone 'Europe/London')`
  return {
    eventsDelivered: await count(db, sql`select count(*) as n from (${delivered}) d`),
    byFormat: Object.fromEntries(
      (
        await rows<{ format: string; n: number }>(
          db,
          sql`select format, count(*)::int as n from (${delivered}) d group by format order by format`,
        )
      ).map((r) => [r.format, r.n]),
    ),
    placesBooked: await count(
      db,
      sql`select count(*) as n from bookings b join (${delivered}) d on d.id = b.event_id
        where b.status in ('booked', 'attended', 'no-show', 'late-cancellation')`,
    ),
    peopleTrained: await count(
      db,
      sql`select count(*) as n from (
        select b.learner_id from bookings b join (${delivered}) d on d.id = b.event_id where b.status = 'attended'
        union
        select learner_id from elearning_completions where partnership_id = ${partnershipId}
          and completed_on >= ${year.start}::date and completed_on <= ${year.end}::date) people`,
    ),
    learningEventDelegates: (
      await rows<{ n: number }>(
        db,
        sql`select count(b.id)::int as n from (${delivered}) d left join bookings b on b.event_id = d.id and b.status = 'attended'
          where d.format = 'learning-event' group by d.id order by n`,
      )
    ).map((r) => r.n),
    subscribersAtYearEnd: Object.fromEntries(
      (
        await rows<{ name: string; n: number }>(
          db,
          sql`select l.name, count(*)::int as n from subscriptions s join mailing_lists l on l.id = s.list_id
            where s.partnership_id = ${partnershipId} and s.confirmed_at < ${yearEnd}
              and (s.unsubscribed_at is null or s.unsubscribed_at >= ${yearEnd})
            group by l.name order by l.name`,
        )
      ).map((r) => [r.name, r.n]),
    ),
    issuesSent: Object.fromEntries(
      (
        await rows<{ name: string; n: number }>(
          db,
          sql`select l.name, count(*)::int as n from newsletter_issues i join mailing_lists l on l.id = i.list_id
            where i.partnership_id = ${partnershipId} and i.status = 'sent' and i.sent_at >= ${start} and i.sent_at < ${end}
            group by l.name order by l.name`,
        )
      ).map((r) => [r.name, r.n]),
    ),
    completions: await count(
      db,
      sql`select count(*) as n from elearning_completions where partnership_id = ${partnershipId}
        and completed_on >= ${year.start}::date and completed_on <= ${year.end}::date`,
    ),
    charged: await count(
      db,
      sql`select coalesce(sum(charge_pence), 0) as n from bookings b join (${delivered}) d on d.id = b.event_id`,
    ),
  }
}

describe('the learning demo at the seed paper’s scale', () => {
  let database: TestDatabase
  let demo: Awaited<ReturnType<typeof reach>>
  let partnershipId: string
  before(async () => {
    database = await createTestDatabase('pglite')
    ;({ partnershipId } = await seedDemoData(database.db))
    demo = await reach(database.db, partnershipId)
  })
  after(() => database.close())

  it('delivered over 150 events in 2016/17, mostly face to face, with an annual conference', () => {
    assert.ok(demo.eventsDelivered > 150 && demo.eventsDelivered < 200, `${demo.eventsDelivered} events`)
    assert.equal(demo.byFormat.conference, 1)
    assert.equal(demo.byFormat['learning-event'], 4)
    assert.ok(demo.byFormat['face-to-face']! > 0.9 * demo.eventsDelivered, 'mostly face to face')
    assert.ok(demo.placesBooked > demo.eventsDelivered * 20)
  })

  it('reached over 9,000 distinct people, counting learners and never bookings', () => {
    assert.ok(demo.peopleTrained >= 9000 && demo.peopleTrained <= 9999, `${demo.peopleTrained} people`)
    assert.ok(demo.completions > 0)
  })

  it('ran four learning events of about 150 delegates each', () => {
    assert.equal(demo.learningEventDelegates.length, 4)
    for (const delegates of demo.learningEventDelegates)
      assert.ok(delegates >= 140 && delegates <= 160, `${delegates} delegates`)
  })

  it('sent the termly newsletter three times to over 4,000 subscribers, and e-bulletins to a few hundred settings', () => {
    const termly = demo.subscribersAtYearEnd['Termly newsletter']!
    assert.ok(termly >= 4000 && termly <= 4999, `${termly} subscribers`)
    assert.equal(demo.issuesSent['Termly newsletter'], 3)
    const bulletin = demo.subscribersAtYearEnd['E-bulletin for educational settings']!
    assert.ok(bulletin >= 200 && bulletin < 1000, `${bulletin} subscribers`)
    assert.ok(demo.issuesSent['E-bulletin for educational settings']! >= 3)
  })

  it('charges non-attendance only to agencies that do not fund the partnership', async () => {
    assert.ok(demo.charged > 0)
    const fundingCharged = await count(
      database.db,
      sql`select count(*) as n from bookings b join agencies a on a.id = b.agency_id
        where b.partnership_id = ${partnershipId} and a.contributes_funding and b.charge_pence > 0`,
    )
    assert.equal(fundingCharged, 0)
  })

  it('keeps this year alive: upcoming dates with bookings, and a full one with a waiting list', async () => {
    const upcoming = await count(
      database.db,
      sql`select count(*) as n from bookings b join training_events e on e.id = b.event_id
        where e.partnership_id = ${partnershipId} and e.status = 'scheduled' and b.status = 'booked'`,
    )
    assert.ok(upcoming > 0)
    const waiting = await count(
      database.db,
      sql`select count(*) as n from waiting_list_entries w join training_events e on e.id = w.event_id
        where w.partnership_id = ${partnershipId} and w.status = 'waiting' and e.status = 'scheduled'
          and (select count(*) from bookings b where b.event_id = e.id and b.status = 'booked') = e.capacity`,
    )
    assert.ok(waiting > 0, 'people wait for a full event')
  })

  it('makes the same demo every time', async () => {
    // A second partnership loaded at full scale, on the same database, from the same seed.
    const other = await insertPartnership(database.db, { bulk: true })
    assert.deepEqual(await reach(database.db, other.partnershipId), demo)
  })
})
