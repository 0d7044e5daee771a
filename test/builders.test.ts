import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { agencies } from '../src/modules/partnership/schema.ts'
import { auditLog, users } from '../src/platform/schema.ts'
import {
  insertAgency,
  insertGroup,
  insertMembership,
  insertPartnership,
  insertPerson,
  insertUser,
} from './builders/index.ts'
import { appForSuite, demoEmail } from './helpers/app.ts'
import { history, linkedNames, summaryListRows } from './helpers/html.ts'
import { outboxTo } from './helpers/outbox.ts'

/**
 * The builders make records as the app does, so a test that builds one sees what a person who
 * typed it in would see: the record, its history, and for an account, its invitation.
 */
describe('test data builders', () => {
  const hub = appForSuite()

  it('an agency, a person in it, a group and their seat on it show in the directory, each with its history', async () => {
    const { database, partnershipId, signIn } = hub()
    const db = database.db
    const agency = await insertAgency(db, partnershipId)
    const person = await insertPerson(db, partnershipId, { agencyId: agency.id })
    const group = await insertGroup(db, partnershipId)
    const seat = await insertMembership(db, partnershipId, { groupId: group.id, personId: person.id, role: 'chair' })
    assert.equal(seat.groupId, group.id)

    const officer = await signIn(demoEmail['business-unit'])
    const agencyPage = await officer.get(`/directory/agencies/${agency.id}`)
    assert.equal(agencyPage.statusCode, 200)
    assert.deepEqual(linkedNames(agencyPage.body, '/directory/people'), [person.name])
    assert.deepEqual(history(agencyPage.body), [`Added agency ${agency.name} (by Test data)`])

    const personPage = await officer.get(`/directory/people/${person.id}`)
    assert.equal(summaryListRows(personPage.body)['Job title'], person.jobTitle)
    assert.deepEqual(history(personPage.body), [
      `Added ${person.name} to ${group.name} as chair (by Test data)`,
      `Added ${person.name} (by Test data)`,
    ])

    const groupPage = await officer.get(`/directory/groups/${group.id}`)
    assert.deepEqual(linkedNames(groupPage.body, '/directory/people'), [person.name])
  })

  it('give each record a new name, and take any field a test gives', async () => {
    const { database, partnershipId } = hub()
    const db = database.db
    const [first, second] = [await insertAgency(db, partnershipId), await insertAgency(db, partnershipId)]
    assert.notEqual(first.name, second.name)
    const [one, two] = [await insertPerson(db, partnershipId), await insertPerson(db, partnershipId)]
    assert.notEqual(one.name, two.name)
    assert.notEqual(one.email, two.email)
    assert.notEqual((await insertGroup(db, partnershipId)).name, (await insertGroup(db, partnershipId)).name)

    const police = await insertAgency(db, partnershipId, { name: 'Wessex Police', type: 'police', active: false })
    const [stored] = await db.select().from(agencies).where(eq(agencies.id, police.id))
    assert.deepEqual(
      [stored!.name, stored!.type, stored!.active, stored!.partnershipId],
      ['Wessex Police', 'police', false, partnershipId],
    )

    // A seat with nothing given brings its own group and person.
    const seat = await insertMembership(db, partnershipId)
    assert.ok(seat.groupId && seat.personId)
    assert.equal(seat.endsOn, null)
  })

  it('an account with a password is active and signs in with its roles; one without waits on its invitation', async () => {
    const { database, partnershipId, signIn } = hub()
    const db = database.db
    const auditor = await insertUser(db, partnershipId, { roles: ['chair'], password: 'violet harbour tandem' })
    assert.equal(auditor.status, 'active')
    const session = await signIn(auditor.email, 'violet harbour tandem')
    assert.equal((await session.get('/audit-log')).statusCode, 200, 'the chair reads the audit log')
    assert.equal((await session.get('/outbox')).statusCode, 403, 'but does not read the email outbox')

    const invited = await insertUser(db, partnershipId)
    const [row] = await db.select().from(users).where(eq(users.id, invited.id))
    assert.equal(row!.status, 'invited')
    const [invitation] = await outboxTo(db, invited.email)
    assert.equal(invitation?.template, 'invite')
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, invited.id), eq(auditLog.action, 'invited')))
    assert.equal(audit?.actorName, 'Test data')
  })

  it('another partnership holds its own records, which this one never sees', async () => {
    const { database, partnershipId, signIn } = hub()
    const other = await insertPartnership(database.db)
    assert.notEqual(other.partnershipId, partnershipId)
    const theirs = await insertAgency(database.db, other.partnershipId)
    const [demoAgencyThere] = await database.db
      .select()
      .from(agencies)
      .where(and(eq(agencies.partnershipId, other.partnershipId), eq(agencies.name, 'Thames Valley Police')))
    assert.ok(demoAgencyThere, 'it has the demo directory of its own')

    const officer = await signIn(demoEmail['business-unit'])
    assert.equal((await officer.get(`/directory/agencies/${theirs.id}`)).statusCode, 404)
    assert.ok(
      !linkedNames((await officer.get('/directory/agencies')).body, '/directory/agencies').includes(theirs.name),
    )
    await assert.rejects(
      insertPartnership(database.db, { localAuthorityCode: other.localAuthorityCode }),
      /already exists/,
    )
  })
})
