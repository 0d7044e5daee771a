import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bookPlace } from '../src/modules/learning/bookings/service.ts'
import { partnerships } from '../src/platform/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { insertTrainingEvent } from '../test/builders/index.ts'
import { person, startHubAndBrowser } from './helpers/people.ts'
import { linksIn } from './helpers/server.ts'
import { HubPage } from './pages/page.ts'

/**
 * Booking on the public site in a real browser, with the real emails delivered to a real SMTP
 * server: every page checked with axe. One practitioner books the last place, then cancels; the
 * next on the waiting list (whose browser runs no JavaScript) is offered the place and takes it.
 */
const running = startHubAndBrowser()

const title = 'Harmful sexual behaviour: a first response'

/** A course with one event of two places, one already taken: the scene the story starts in. */
async function eventWithOnePlaceLeft() {
  const db = running.hub.db
  const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1)
  const partnershipId = partnership!.id
  const { eventId } = await insertTrainingEvent(db, partnershipId, {
    title,
    startsInDays: 40,
    venue: 'Didcot Civic Hall',
    capacity: 2,
  })
  await bookPlace(
    db,
    systemActor(partnershipId, 'Test'),
    eventId,
    {
      name: 'Early Booker',
      email: 'early.booker@example.org',
      jobTitle: 'Youth worker',
      agencyId: null,
      agencyOther: 'Didcot Youth Club',
      sector: 'voluntary-and-community',
      managerEmail: null,
      accessNeeds: null,
      termsAcceptedAt: new Date(),
    },
    { source: 'public', baseUrl: running.hub.baseUrl },
  )
  return eventId
}

describe('booking training in the browser', () => {
  it('a practitioner books the last place and cancels it; the next on the waiting list takes it', async (t) => {
    const eventId = await eventWithOnePlaceLeft()

    // Sam finds the event in the catalogue, among events with places, and books the last one.
    const sam = await person(t, running)
    await sam.goto('/training')
    await new HubPage(sam, 'Training and learning events').verifyOnPage()
    await sam.getByLabel('Only show events with places').check()
    await sam.getByRole('button', { name: 'Apply filters' }).click()
    await new HubPage(sam, 'Training and learning events').verifyOnPage()
    await sam.getByRole('link', { name: title }).click()
    const eventPage = await new HubPage(sam, title).verifyOnPage()
    assert.equal((await eventPage.summary()).Places, '1 place left')
    await sam.getByRole('button', { name: 'Book a place' }).click()
    const form = await new HubPage(sam, 'Book a place').verifyOnPage()

    await sam.getByRole('button', { name: 'Book a place' }).click()
    await form.verifyOnPage()
    assert.ok((await form.errorSummaryItems()).includes('Enter your full name'))
    await sam.getByLabel('Full name').fill('Sam Okafor')
    await sam.getByLabel('Email address', { exact: true }).fill('sam.okafor@example.org')
    await sam.getByLabel('Job title').fill('School nurse')
    await sam.getByRole('radio', { name: 'An agency in the list' }).check()
    await sam.getByLabel('Your agency').selectOption({ label: 'Oxford Health NHS Foundation Trust' })
    await sam.getByRole('radio', { name: 'Health' }).check()
    await sam.getByLabel('Access needs (optional)').fill('Step-free access, please')
    await sam.getByLabel('I accept the booking terms').check()
    await sam.getByRole('button', { name: 'Book a place' }).click()
    await new HubPage(sam, 'Booking confirmed').verifyOnPage()

    // Ria's browser runs no JavaScript: the agency question's follow-up fields show anyway.
    const ria = await person(t, running, { javaScriptEnabled: false })
    await ria.goto(`/training/events/${eventId}`)
    const full = await new HubPage(ria, title).verifyOnPage()
    assert.equal((await full.summary()).Places, 'Full – join the waiting list')
    await ria.getByRole('button', { name: 'Join the waiting list' }).click()
    await new HubPage(ria, 'Join the waiting list').verifyOnPage()
    await ria.getByLabel('Full name').fill('Ria Patel')
    await ria.getByLabel('Email address', { exact: true }).fill('ria.patel@example.org')
    await ria.getByLabel('Job title').fill('Early years practitioner')
    await ria.getByRole('radio', { name: 'Another organisation' }).check()
    await ria.getByLabel('Name of your organisation').fill('Little Acorns Nursery')
    await ria.getByRole('radio', { name: 'Early years and childcare' }).check()
    await ria.getByLabel('I accept the booking terms').check()
    await ria.getByRole('button', { name: 'Join the waiting list' }).click()
    await new HubPage(ria, 'You are on the waiting list').verifyOnPage()
    await running.hub.waitForEmail('ria.patel@example.org', 'You are on the waiting list')

    // Sam's confirmation arrives with the manage link; Sam cannot come after all, and cancels.
    const confirmation = await running.hub.waitForEmail('sam.okafor@example.org', `Your place is booked: ${title}`)
    assert.match(confirmation.text, /Where: Didcot Civic Hall/)
    const manageLink = linksIn(confirmation).find((href) =>
      href.startsWith(`${running.hub.baseUrl}/training/bookings/`),
    )
    assert.ok(manageLink, 'the confirmation email links to the booking')
    await sam.goto(manageLink)
    const manage = await new HubPage(sam, 'Your booking').verifyOnPage()
    assert.equal((await manage.summary()).Name, 'Sam Okafor')
    await sam.getByRole('button', { name: 'Cancel this booking' }).click()
    await new HubPage(sam, 'Cancel your booking').verifyOnPage()
    assert.ok(await sam.getByText(/You can cancel free of charge until the end of/).isVisible())
    await sam.getByRole('button', { name: 'Cancel my booking' }).click()
    await new HubPage(sam, 'Booking cancelled').verifyOnPage()
    await running.hub.waitForEmail('sam.okafor@example.org', `Booking cancelled: ${title}`)
    await sam.goto(manageLink)
    await new HubPage(sam, 'This link has expired or is not valid').verifyOnPage()

    // The freed place is offered to Ria, who accepts it.
    const offer = await running.hub.waitForEmail('ria.patel@example.org', `A place has come free: ${title}`)
    const offerLink = linksIn(offer).find((href) => href.startsWith(`${running.hub.baseUrl}/training/offers/`))
    assert.ok(offerLink, 'the offer email links to the offer')
    await ria.goto(offerLink)
    await new HubPage(ria, 'A place has come free').verifyOnPage()
    assert.ok(await ria.getByText(/Accept this place by/).isVisible())
    await ria.getByRole('button', { name: 'Accept the place' }).click()
    await new HubPage(ria, 'Booking confirmed').verifyOnPage()
    const booked = await running.hub.waitForEmail('ria.patel@example.org', `Your place is booked: ${title}`)
    assert.ok(linksIn(booked).some((href) => href.startsWith(`${running.hub.baseUrl}/training/bookings/`)))
  })
})
