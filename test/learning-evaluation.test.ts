import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { followUpJob } from '../src/modules/learning/evaluation/follow-up.ts'
import { askForEvaluationsJob, requestEvaluation } from '../src/modules/learning/evaluation/requests.ts'
import { certificateAvailable } from '../src/modules/learning/evaluation/certificate.ts'
import {
  bookings,
  courses,
  evaluations,
  learners,
  learningSettings,
  trainingEvents,
  type BookingStatus,
} from '../src/modules/learning/schema.ts'
import { getLearningSettings } from '../src/modules/learning/settings/service.ts'
import { closePdfBrowser } from '../src/platform/documents/pdf.ts'
import type { JobContext } from '../src/platform/jobs/index.ts'
import { auditLog, jobs } from '../src/platform/schema.ts'
import { createSignedLink } from '../src/platform/signed-links.ts'
import { demoEmail, type Session } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, heading, pageTitle, summaryListRows, tableColumn, textOf } from './helpers/html.ts'
import { outboxTo } from './helpers/outbox.ts'
import { officerForSuite } from './helpers/records.ts'

/** Evaluation: asking attendees after an event, their answers, the follow-up, the results and certificates. */

const day = 86_400_000
const context = (name: string): JobContext => ({
  id: 'test',
  name,
  attempt: 1,
  partnershipId: null,
  baseUrl: 'http://hub.test',
})
const askNow = (db: Database) => askForEvaluationsJob.handler(db, {}, context(askForEvaluationsJob.name))
const followUp = (db: Database, evaluationId: string) =>
  followUpJob.handler(db, { evaluationId }, context(followUpJob.name))

/** The path of a link in an email, as the attendee would click it. */
function linkIn(body: string, path: string) {
  const match = body.match(new RegExp(`http://hub\\.test(/${path}/[A-Za-z0-9_-]{43})`))
  assert.ok(match, `no ${path} link in:\n${body}`)
  return match[1]!
}

const goodAnswers = {
  overallRating: '4',
  confidenceBefore: '2',
  confidenceAfter: '4',
  willDoDifferently: 'Ask the next question when a family’s story does not add up.',
}

describe('evaluation of training', () => {
  const shared = officerForSuite()
  const db = () => shared.testApp.database.db
  const partnershipId = () => shared.testApp.partnershipId
  let courseId: string
  let visitor: Session
  const pdfDir = mkdtempSync(join(tmpdir(), 'certificates-'))
  after(async () => {
    rmSync(pdfDir, { recursive: true, force: true })
    await closePdfBrowser()
  })

  before(async () => {
    const [course] = await db()
      .insert(courses)
      .values({
        partnershipId: partnershipId(),
        title: 'Professional curiosity in practice',
        summary: 'Asking the next question.',
        audience: 'Practitioners',
        level: 'intermediate',
        format: 'face-to-face',
        durationMinutes: 150,
      })
      .returning({ id: courses.id })
    courseId = course!.id
    visitor = await shared.testApp.visitor({ remoteAddress: '10.9.9.9' })
  })

  /** An event that ended `endedDaysAgo` days ago (negative: in the future). */
  async function insertEvent(endedDaysAgo: number) {
    const endsAt = new Date(Date.now() - endedDaysAgo * day)
    const [event] = await db()
      .insert(trainingEvents)
      .values({
        partnershipId: partnershipId(),
        courseId,
        startsAt: new Date(endsAt.getTime() - 3 * 3_600_000),
        endsAt,
        venue: 'County Hall, Oxford',
        capacity: 30,
        status: endedDaysAgo > 0 ? 'completed' : 'scheduled',
      })
      .returning({ id: trainingEvents.id })
    return event!.id
  }

  async function insertBooking(
    eventId: string,
    name: string,
    options: { status?: BookingStatus; erased?: boolean; requested?: boolean } = {},
  ) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`
    const [learner] = await db()
      .insert(learners)
      .values({
        partnershipId: partnershipId(),
        email: options.erased ? null : email,
        name: options.erased ? 'Erased' : name,
        erasedAt: options.erased ? new Date() : null,
      })
      .returning({ id: learners.id })
    const status = options.status ?? 'attended'
    const [booking] = await db()
      .insert(bookings)
      .values({
        partnershipId: partnershipId(),
        eventId,
        learnerId: learner!.id,
        sector: 'health',
        source: 'staff',
        status,
        attendanceMarkedAt: status === 'attended' || status === 'no-show' ? new Date() : null,
        evaluationRequestedAt: options.requested ? new Date() : null,
      })
      .returning({ id: bookings.id })
    return { bookingId: booking!.id, email }
  }

  /** Asks the attendee (through the job) and returns the path of the form's link from their email. */
  async function evaluationLinkFor(email: string) {
    const [message] = await outboxTo(db(), email)
    assert.ok(message, `nothing emailed to ${email}`)
    return linkIn(message.bodyText, 'training/evaluation')
  }

  it('the job emails each attendee of an ended event once, and nobody else', async () => {
    const ended = await insertEvent(2)
    const alice = await insertBooking(ended, 'Alice Attended')
    const bob = await insertBooking(ended, 'Bob Asked', { requested: true })
    const carol = await insertBooking(ended, 'Carol Noshow', { status: 'no-show' })
    const dan = await insertBooking(ended, 'Dan Booked', { status: 'booked' })
    const carl = await insertBooking(ended, 'Carl Cancelled', { status: 'late-cancellation' })
    const erased = await insertBooking(ended, 'Erin Erased', { erased: true })
    const future = await insertBooking(await insertEvent(-1), 'Fay Future')
    const longAgo = await insertBooking(await insertEvent(60), 'Gus Longago')

    await askNow(db())
    await askNow(db())

    const [message, ...more] = await outboxTo(db(), alice.email)
    assert.equal(more.length, 0, 'asked once, however often the job runs')
    assert.equal(message!.subject, 'How was Professional curiosity in practice?')
    assert.match(message!.bodyText, /^Dear Alice Attended,/)
    linkIn(message!.bodyText, 'training/evaluation')
    for (const other of [bob, carol, dan, carl, future, longAgo])
      assert.equal((await outboxTo(db(), other.email)).length, 0, other.email)
    const [asked] = await db().select().from(bookings).where(eq(bookings.id, alice.bookingId))
    assert.ok(asked!.evaluationRequestedAt)
    const [notAsked] = await db().select().from(bookings).where(eq(bookings.id, erased.bookingId))
    assert.equal(notAsked!.evaluationRequestedAt, null, 'an erased learner is never asked')

    // The register may ask at once, before the event has ended; still only once.
    const asks = await db().transaction(async (tx) => [
      await requestEvaluation(tx, partnershipId(), future.bookingId, 'http://hub.test'),
      await requestEvaluation(tx, partnershipId(), future.bookingId, 'http://hub.test'),
    ])
    assert.deepEqual(asks, [true, false])
    assert.equal((await outboxTo(db(), future.email)).length, 1)
  })

  it('the form: errors in the summary, one evaluation returned, the follow-up queued and the certificate offered', async () => {
    const event = await insertEvent(1)
    const hana = await insertBooking(event, 'Hana Form')
    await askNow(db())
    const link = await evaluationLinkFor(hana.email)

    let page = await visitor.get(link)
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), 'Tell us how the training went')
    assert.doesNotMatch(page.body, /Hana Form/, 'the form does not show who the link is for')

    page = await visitor.post(link, { willDoDifferently: '   ' })
    assert.equal(page.statusCode, 400)
    assert.match(pageTitle(page.body), /^Error: /)
    assert.deepEqual(errorSummary(page.body), [
      'overallRating: Select how you rate the training overall',
      'confidenceBefore: Select how confident you felt about the topic before the training',
      'confidenceAfter: Select how confident you feel about the topic after the training',
      'willDoDifferently: Enter what you will do differently',
    ])
    page = await visitor.post(link, { ...goodAnswers, overallRating: '6' })
    assert.deepEqual(errorSummary(page.body), ['overallRating: Select how you rate the training overall'])
    assert.match(page.body, /Ask the next question when a family’s story does not add up/, 'what was typed is kept')

    page = await visitor.post(link, goodAnswers)
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /Thank you for your evaluation/)
    const certificateHref = page.body.match(/href="(\/training\/certificates\/[A-Za-z0-9_-]{43})"/)?.[1]
    assert.ok(certificateHref, 'the thank-you page links to the certificate')

    const saved = await db().select().from(evaluations).where(eq(evaluations.bookingId, hana.bookingId))
    assert.equal(saved.length, 1)
    assert.equal(saved[0]!.overallRating, 4)
    assert.equal(saved[0]!.confidenceBefore, 2)
    assert.equal(saved[0]!.confidenceAfter, 4)
    const [queued] = await db()
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `evaluation-follow-up:${saved[0]!.id}`))
    assert.equal(queued!.name, followUpJob.name)
    assert.equal(queued!.runAt.getTime() - saved[0]!.submittedAt.getTime(), 12 * 7 * day, '12 weeks by default')
    assert.deepEqual(queued!.payload, { evaluationId: saved[0]!.id }, 'ids only in the payload')

    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'evaluation'), eq(auditLog.recordId, saved[0]!.id)))
    assert.equal(audit!.actorName, 'An attendee, by their evaluation link')
    assert.equal(audit!.actorUserId, null)
    assert.doesNotMatch(audit!.summary, /Hana/)

    const emails = await outboxTo(db(), hana.email)
    assert.deepEqual(
      emails.map((e) => e.subject),
      ['How was Professional curiosity in practice?', 'Your certificate for Professional curiosity in practice'],
    )
    assert.equal(linkIn(emails[1]!.bodyText, 'training/certificates').length, certificateHref.length)

    // Once returned, the link says thank you, and sending again changes nothing.
    page = await visitor.get(link)
    assert.match(textOf(page.body), /You have returned your evaluation of Professional curiosity in practice/)
    assert.doesNotMatch(page.body, /<form method="post"/)
    page = await visitor.post(link, { ...goodAnswers, overallRating: '1' })
    assert.equal(page.statusCode, 200)
    const again = await db().select().from(evaluations).where(eq(evaluations.bookingId, hana.bookingId))
    assert.equal(again.length, 1)
    assert.equal(again[0]!.overallRating, 4)
    assert.equal((await outboxTo(db(), hana.email)).length, 2, 'no second certificate email')
  })

  it('refuses a link for another purpose or record, and a made-up one, with the “not valid” page', async () => {
    const event = await insertEvent(1)
    const ivan = await insertBooking(event, 'Ivan Links')
    await askNow(db())
    const evaluationPath = await evaluationLinkFor(ivan.email)
    const evaluationToken = evaluationPath.split('/').pop()!
    const make = (purpose: string, recordType: string, recordId: string) =>
      createSignedLink(db(), {
        partnershipId: partnershipId(),
        purpose,
        recordType,
        recordId,
        expiresAt: new Date(Date.now() + day),
      })
    const manage = await make('manage-booking', 'booking', ivan.bookingId)
    const wrongRecord = await make('evaluation', 'subscription', ivan.bookingId)
    const bogus = 'x'.repeat(43)
    for (const path of [
      `/training/evaluation/${manage}`,
      `/training/evaluation/${wrongRecord}`,
      `/training/evaluation/${bogus}`,
      '/training/evaluation/not-a-token',
      `/training/evaluation/impact/${evaluationToken}`,
      `/training/certificates/${evaluationToken}`,
    ]) {
      const page = await visitor.get(path)
      assert.equal(page.statusCode, 404, path)
      assert.equal(heading(page.body), 'This link has expired or is not valid', path)
    }
    const posted = await visitor.post(`/training/evaluation/${manage}`, goodAnswers)
    assert.equal(posted.statusCode, 404)
    assert.equal((await db().select().from(evaluations).where(eq(evaluations.bookingId, ivan.bookingId))).length, 0)

    // A booking that turns out not to have been attended no longer takes an evaluation.
    await db().update(bookings).set({ status: 'no-show' }).where(eq(bookings.id, ivan.bookingId))
    assert.equal((await visitor.get(evaluationPath)).statusCode, 404)
  })

  it('asks the follow-up question after the configured weeks, once, and keeps the first answer', async () => {
    await getLearningSettings(db(), partnershipId())
    await db()
      .update(learningSettings)
      .set({ followUpWeeks: 6 })
      .where(eq(learningSettings.partnershipId, partnershipId()))
    const event = await insertEvent(1)
    const jo = await insertBooking(event, 'Jo Followup')
    await askNow(db())
    await visitor.post(await evaluationLinkFor(jo.email), goodAnswers)
    const [evaluation] = await db().select().from(evaluations).where(eq(evaluations.bookingId, jo.bookingId))
    const [queued] = await db()
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `evaluation-follow-up:${evaluation!.id}`))
    assert.equal(queued!.runAt.getTime() - evaluation!.submittedAt.getTime(), 6 * 7 * day, 'the configured 6 weeks')

    // The worker runs it when due; here its handler runs directly, twice, as a retried job might.
    await followUp(db(), evaluation!.id)
    await followUp(db(), evaluation!.id)
    const question = (await outboxTo(db(), jo.email)).filter((e) => e.template === 'evaluation-impact')
    assert.equal(question.length, 1)
    assert.match(question[0]!.bodyText, /What difference has the training made to your practice\?/)
    const link = linkIn(question[0]!.bodyText, 'training/evaluation/impact')
    const [sent] = await db().select().from(evaluations).where(eq(evaluations.id, evaluation!.id))
    assert.ok(sent!.followUpSentAt)

    let page = await visitor.get(link)
    assert.equal(heading(page.body), 'What difference has the training made to your practice?')
    page = await visitor.post(link, { impact: '' })
    assert.equal(page.statusCode, 400)
    assert.deepEqual(errorSummary(page.body), ['impact: Enter the difference the training has made to your practice'])
    page = await visitor.post(link, { impact: 'I now check who else lives in the home at every visit.' })
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), 'Thank you for your answer')
    page = await visitor.post(link, { impact: 'Something else' })
    assert.equal(heading(page.body), 'Thank you for your answer')
    const [answered] = await db().select().from(evaluations).where(eq(evaluations.id, evaluation!.id))
    assert.equal(answered!.impact, 'I now check who else lives in the home at every visit.')
    assert.ok(answered!.impactAnsweredAt)
    assert.doesNotMatch((await visitor.get(link)).body, /<textarea/)

    // The evaluation link does not open the impact question, nor the impact link the evaluation.
    assert.equal((await visitor.get(link.replace('/impact', ''))).statusCode, 404)
  })

  it('shows the results with the response rate, the means and the change in confidence, without names', async () => {
    const event = await insertEvent(3)
    const answers = [
      { overallRating: 5, confidenceBefore: 2, confidenceAfter: 4, willDoDifferently: 'Use the neglect toolkit' },
      { overallRating: 4, confidenceBefore: 1, confidenceAfter: 4, willDoDifferently: 'Talk to the child alone' },
      { overallRating: 3, confidenceBefore: 3, confidenceAfter: 3, willDoDifferently: 'Record my reasoning' },
    ]
    for (const [index, name] of ['Kim One', 'Lee Two', 'Max Three', 'Nia Four'].entries()) {
      const { bookingId } = await insertBooking(event, name, { requested: true })
      const answer = answers[index]
      if (answer)
        await db()
          .insert(evaluations)
          .values({ partnershipId: partnershipId(), bookingId, ...answer, impact: index === 0 ? 'Earlier help' : null })
    }
    await insertBooking(event, 'Oli Absent', { status: 'no-show', requested: true })

    const reader = await shared.testApp.signIn(demoEmail['read-only'])
    const page = await reader.get(`/learning/events/${event}/evaluation`)
    assert.equal(page.statusCode, 200)
    const rows = summaryListRows(page.body)
    assert.equal(rows.Returned, '3 of 4 (75%) who attended')
    assert.equal(rows['Overall rating'], '4.0 out of 5')
    assert.equal(rows['Confidence before'], '2.0')
    assert.equal(rows['Confidence after'], '3.7')
    assert.equal(rows['Change in confidence'], '+1.7')
    assert.deepEqual(tableColumn(page.body, 'How many gave each rating', 'Overall'), ['0', '0', '1', '1', '1'])
    assert.deepEqual(tableColumn(page.body, 'How many gave each rating', 'Confidence after'), ['0', '0', '1', '2', '0'])
    for (const said of ['Use the neglect toolkit', 'Talk to the child alone', 'Record my reasoning', 'Earlier help'])
      assert.ok(page.body.includes(said), said)
    for (const name of ['Kim One', 'Lee Two', 'Oli Absent']) assert.ok(!page.body.includes(name), name)

    const csv = parseCsv((await reader.get(`/learning/events/${event}/evaluation.csv`)).body)
    assert.deepEqual(csv[0]!.slice(1, 4), ['Overall rating', 'Confidence before', 'Confidence after'])
    assert.deepEqual(
      csv.slice(1).map((r) => r.slice(1, 4)),
      [
        ['5', '2', '4'],
        ['4', '1', '4'],
        ['3', '3', '3'],
      ],
    )
    assert.ok(!csv.flat().some((cell) => /Kim One|example\.org/.test(cell)))

    // The course's page adds up all its events, and lists each.
    const coursePage = await reader.get(`/learning/courses/${courseId}/evaluation`)
    assert.equal(coursePage.statusCode, 200)
    assert.ok(tableColumn(coursePage.body, 'Evaluation of each event', 'Returned').includes('3 of 4 (75%)'))
    assert.match(summaryListRows(coursePage.body).Returned!, /^\d+ of \d+ \(\d+%\) who attended$/)
    assert.match(
      (await reader.get(`/learning/events/${event}`)).body,
      new RegExp(`/learning/events/${event}/evaluation`),
    )
  })

  it('gives a certificate only once attendance is marked and the evaluation returned', async () => {
    const event = await insertEvent(1)
    const pat = await insertBooking(event, 'Pat Certificate')
    const noShow = await insertBooking(event, 'Quin Noshow', { status: 'no-show' })
    const { officer } = shared
    assert.equal(await certificateAvailable(db(), partnershipId(), pat.bookingId), false)
    let response = await officer.get(`/learning/bookings/${pat.bookingId}/certificate`)
    assert.equal(response.statusCode, 409)
    assert.match(textOf(response.body), /The certificate is not available yet/)
    assert.equal((await officer.get(`/learning/bookings/${noShow.bookingId}/certificate`)).statusCode, 409)
    assert.equal(
      (await officer.get('/learning/bookings/00000000-0000-4000-8000-000000000000/certificate')).statusCode,
      404,
    )
    const reader = await shared.testApp.signIn(demoEmail['read-only'])
    assert.equal((await reader.get(`/learning/bookings/${pat.bookingId}/certificate`)).statusCode, 403)

    await askNow(db())
    const thanks = await visitor.post(await evaluationLinkFor(pat.email), goodAnswers)
    assert.equal(await certificateAvailable(db(), partnershipId(), pat.bookingId), true)

    response = await officer.get(`/learning/bookings/${pat.bookingId}/certificate`)
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/pdf')
    const staffPdf = response.rawPayload
    assert.equal(staffPdf.subarray(0, 5).toString(), '%PDF-')
    const file = join(pdfDir, 'certificate.pdf')
    writeFileSync(file, staffPdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const words of [
      'Certificate of attendance',
      'Pat Certificate',
      'Professional curiosity in practice',
      '2 hours 30 minutes',
    ])
      assert.ok(text.includes(words), `the certificate says “${words}”`)
    assert.match(text, /Oxfordshire/, 'the partnership’s name')

    const publicHref = thanks.body.match(/href="(\/training\/certificates\/[A-Za-z0-9_-]{43})"/)![1]!
    response = await visitor.get(publicHref)
    assert.equal(response.statusCode, 200)
    assert.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-')
    assert.match(
      String(response.headers['content-disposition']),
      /certificate-professional-curiosity-in-practice-\d{4}-\d{2}-\d{2}\.pdf/,
    )
  })
})
