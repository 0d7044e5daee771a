import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { requestEvaluation } from '../src/modules/learning/evaluation/requests.ts'
import { bookings, courses, learners, trainingEvents } from '../src/modules/learning/schema.ts'
import { partnerships } from '../src/platform/schema.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { linksIn } from './helpers/server.ts'
import { HubPage } from './pages/page.ts'

/**
 * An attendee evaluates the training from the emailed link, gets their certificate, and the trainer
 * reads the results: every page checked with axe. The booking is made directly (attendance is
 * another part of the service); the email arrives over real SMTP.
 */
const running = startHubAndBrowser()

describe('evaluation in the browser', () => {
  it('an attendee answers from the email, fixes a missed question, and downloads their certificate', async (t) => {
    const { db } = running.hub.database
    const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1)
    const partnershipId = partnership!.id
    const [course] = await db
      .insert(courses)
      .values({
        partnershipId,
        title: 'Working with neglect',
        summary: 'Seeing neglect over time.',
        audience: 'Practitioners',
        level: 'intermediate',
        format: 'face-to-face',
        durationMinutes: 180,
      })
      .returning({ id: courses.id })
    const endsAt = new Date(Date.now() - 3_600_000)
    const [event] = await db
      .insert(trainingEvents)
      .values({
        partnershipId,
        courseId: course!.id,
        startsAt: new Date(endsAt.getTime() - 3 * 3_600_000),
        endsAt,
        venue: 'County Hall, Oxford',
        capacity: 20,
      })
      .returning({ id: trainingEvents.id })
    const [learner] = await db
      .insert(learners)
      .values({ partnershipId, email: 'rosa.evans@example.org', name: 'Rosa Evans' })
      .returning({ id: learners.id })
    const [booking] = await db
      .insert(bookings)
      .values({
        partnershipId,
        eventId: event!.id,
        learnerId: learner!.id,
        sector: 'education',
        source: 'public',
        status: 'attended',
        attendanceMarkedAt: new Date(),
      })
      .returning({ id: bookings.id })
    await db.transaction((tx) => requestEvaluation(tx, partnershipId, booking!.id, running.hub.baseUrl))

    const email = await running.hub.waitForEmail('rosa.evans@example.org', 'How was Working with neglect?')
    const link = linksIn(email).find((l) => l.includes('/training/evaluation/'))
    assert.ok(link, 'the email links to the form')

    const page = await person(t, running)
    await page.goto(link)
    const form = await new HubPage(page, 'Tell us how the training went').verifyOnPage()
    await page.getByRole('radio', { name: '4: Good' }).check()
    await page
      .getByRole('group', { name: 'Before the training, how confident did you feel about the topic?' })
      .getByRole('radio', { name: '2: Slightly confident' })
      .check()
    await page.getByLabel('What will you do differently').fill('Use the neglect toolkit at every review.')
    await page.getByRole('button', { name: 'Send your evaluation' }).click()
    await form.verifyOnPage()
    assert.match(await page.title(), /^Error: /)
    await page.getByRole('link', { name: 'Select how confident you feel about the topic after the training' }).click()
    await page
      .getByRole('group', { name: 'After the training, how confident do you feel about the topic?' })
      .getByRole('radio', { name: '4: Confident' })
      .check()
    await page.getByRole('button', { name: 'Send your evaluation' }).click()
    await new HubPage(page, 'Thank you for your evaluation').verifyOnPage()

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download your certificate of attendance (PDF)' }).click()
    const file = await (await download).path()
    assert.ok(file, 'the certificate downloads')
    await running.hub.waitForEmail('rosa.evans@example.org', 'Your certificate for Working with neglect')

    await page.goto('/training/evaluation/not-a-real-link')
    await new HubPage(page, 'This link has expired or is not valid').verifyOnPage()

    const trainer = await signedInPerson(t, running, demoEmail.trainer)
    await trainer.page.goto(`/learning/events/${event!.id}`)
    await trainer.page.getByRole('link', { name: 'Evaluation results' }).click()
    await new HubPage(trainer.page, 'Evaluation: Working with neglect').verifyOnPage()
    assert.ok(await trainer.page.getByText('1 of 1 (100%) who attended').isVisible())
    assert.ok(await trainer.page.getByText('Use the neglect toolkit at every review.').isVisible())
    assert.equal(await trainer.page.getByText('Rosa Evans').count(), 0, 'no names in the results')
    await trainer.page.goto(`/learning/courses/${course!.id}/evaluation`)
    await new HubPage(trainer.page, 'Evaluation: Working with neglect').verifyOnPage()
    const [asked] = await db.select().from(bookings).where(eq(bookings.id, booking!.id))
    assert.ok(asked!.evaluationRequestedAt)
  })
})
