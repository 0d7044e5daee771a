import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { bookPlace } from '../src/modules/learning/bookings/service.ts'
import { askForEvaluationsJob } from '../src/modules/learning/evaluation/requests.ts'
import { bookings, trainingEvents } from '../src/modules/learning/schema.ts'
import { linkActor } from '../src/platform/permissions.ts'
import { partnerships } from '../src/platform/schema.ts'
import { insertTrainingEvent } from '../test/builders/index.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { linksIn } from './helpers/server.ts'
import { HubPage } from './pages/page.ts'

/**
 * After the course: the trainer records attendance on the register, the attendee is emailed the
 * evaluation by the scheduled job, answers it, and downloads their certificate from the link in
 * their booking email; the trainer reads the results. Every page checked with axe; every email
 * delivered to a real SMTP server.
 */
const running = startHubAndBrowser()

const place = (name: string, email: string) => ({
  name,
  email,
  jobTitle: 'Teacher',
  agencyId: null,
  agencyOther: 'Cherwell Primary School',
  sector: 'education' as const,
  managerEmail: null,
  accessNeeds: null,
  termsAcceptedAt: new Date(),
})

describe('evaluation in the browser', () => {
  it('attendance on the register, the evaluation by email, and the certificate', async (t) => {
    const { db } = running.hub.database
    const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1)
    const partnershipId = partnership!.id
    const { eventId, courseId } = await insertTrainingEvent(db, partnershipId, {
      title: 'Working with neglect',
      startsInDays: 7,
    })
    const event = { id: eventId }
    const course = { id: courseId }
    const actor = linkActor(partnershipId, 'A practitioner, on the public booking pages')
    const options = { source: 'public' as const, baseUrl: running.hub.baseUrl }
    const rosa = await bookPlace(db, actor, event.id, place('Rosa Evans', 'rosa.evans@example.org'), options)
    await bookPlace(db, actor, event.id, place('Noel Marsh', 'noel.marsh@example.org'), options)
    assert.equal(rosa.kind, 'booked')
    const booked = await running.hub.waitForEmail(
      'rosa.evans@example.org',
      'Your place is booked: Working with neglect',
    )
    const manageLink = linksIn(booked).find((l) => l.includes('/training/bookings/'))
    assert.ok(manageLink, 'the booking email links to the booking')

    // The day of the course comes and goes.
    const endsAt = new Date(Date.now() - 3_600_000)
    await db
      .update(trainingEvents)
      .set({ startsAt: new Date(endsAt.getTime() - 3 * 3_600_000), endsAt })
      .where(eq(trainingEvents.id, event.id))

    // The trainer records who came, from the sign-in sheet.
    const trainer = await signedInPerson(t, running, demoEmail.trainer)
    await trainer.page.goto(`/learning/events/${event.id}`)
    await trainer.page.getByRole('link', { name: 'Sign-in sheet' }).click()
    await new HubPage(trainer.page, 'Working with neglect').verifyOnPage()
    assert.ok(await trainer.page.getByText('Rosa Evans').first().isVisible())
    await trainer.page.goto(`/learning/events/${event.id}`)
    await trainer.page.getByRole('link', { name: 'Record attendance' }).click()
    const register = await new HubPage(trainer.page, 'Record attendance').verifyOnPage()
    await trainer.page
      .getByRole('group', { name: /Rosa Evans/ })
      .getByRole('radio', { name: 'Attended' })
      .check()
    await trainer.page.getByRole('button', { name: 'Save attendance' }).click()
    await register.verifyOnPage()
    assert.match(await trainer.page.title(), /^Error: /, 'every place must be marked')
    await trainer.page
      .getByRole('group', { name: /Rosa Evans/ })
      .getByRole('radio', { name: 'Attended' })
      .check()
    await trainer.page
      .getByRole('group', { name: /Noel Marsh/ })
      .getByRole('radio', { name: 'Did not attend' })
      .check()
    await trainer.page.getByRole('button', { name: 'Save attendance' }).click()

    // Before the evaluation is returned, the booking page says the certificate is to come.
    const rosaPage = await person(t, running)
    await rosaPage.goto(manageLink)
    await new HubPage(rosaPage, 'Your booking').verifyOnPage()
    assert.ok(await rosaPage.getByText(/Your certificate will be here once you have told us/).isVisible())

    // The scheduled job asks everyone who attended, and only them.
    await askForEvaluationsJob.handler(
      db,
      {},
      {
        id: 'e2e',
        name: askForEvaluationsJob.name,
        attempt: 1,
        partnershipId: null,
        baseUrl: running.hub.baseUrl,
      },
    )

    const email = await running.hub.waitForEmail('rosa.evans@example.org', 'How was Working with neglect?')
    const link = linksIn(email).find((l) => l.includes('/training/evaluation/'))
    assert.ok(link, 'the email links to the form')

    const page = rosaPage
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

    // The certificate is also on the booking's own page now.
    await page.goto(manageLink)
    await new HubPage(page, 'Your booking').verifyOnPage()
    const again = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download your certificate (PDF)' }).click()
    assert.ok(await (await again).path())

    await trainer.page.goto(`/learning/events/${event.id}`)
    await trainer.page.getByRole('link', { name: 'Evaluation results' }).click()
    await new HubPage(trainer.page, 'Evaluation: Working with neglect').verifyOnPage()
    assert.ok(await trainer.page.getByText('1 of 1 (100%) who attended').isVisible())
    assert.ok(await trainer.page.getByText('Use the neglect toolkit at every review.').isVisible())
    assert.equal(await trainer.page.getByText('Rosa Evans').count(), 0, 'no names in the results')
    await trainer.page.goto(`/learning/courses/${course.id}/evaluation`)
    await new HubPage(trainer.page, 'Evaluation: Working with neglect').verifyOnPage()
    const asked = await db.select().from(bookings).where(eq(bookings.eventId, event.id))
    assert.deepEqual(
      asked.map((b) => [b.status, !!b.evaluationRequestedAt]).sort(),
      [
        ['attended', true],
        ['no-show', false],
      ],
      'only those who attended are asked',
    )
  })
})
