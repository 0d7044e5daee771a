import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { FastifyContextConfig } from 'fastify'
import { and, asc, eq, gt, max } from 'drizzle-orm'
import {
  canSeeConfidential,
  confidentialCondition,
  setConfidentialAccess,
  type ConfidentialAccess,
} from '../src/platform/confidential/index.ts'
import { confidentialAccess } from '../src/platform/confidential/schema.ts'
import { historyOf } from '../src/platform/audit-log/history.ts'
import { requireActor } from '../src/platform/http.ts'
import { defineModule } from '../src/platform/modules.ts'
import { linkActor, systemActor, type Actor, type Role } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { londonParts } from '../src/platform/london-time.ts'
import { addDays } from '../src/platform/working-days.ts'
import {
  insertAgency,
  insertGroup,
  insertMembership,
  insertPartnership,
  insertPerson,
  insertUser,
} from './builders/index.ts'
import { appForSuite, demoEmail, type TestApp } from './helpers/app.ts'
import { guardedApp, signedInActor, type GuardedApp } from './helpers/confidential.ts'
import { tableColumn } from './helpers/html.ts'

/**
 * Confidential records (platform/confidential): a record is seen only by whom it names — roles,
 * the members of groups today, people, the safeguarding leads of agencies — however wide their
 * permissions; a route holding its id is a 404 for anyone else before it runs, and each look at
 * it is in the audit log.
 */

const recordType = 'test-secret'
const password = 'correct horse battery staple'

const today = londonParts(new Date()).date

async function auditRowsFor(testApp: TestApp, recordId: string, since = 0) {
  return testApp.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.recordId, recordId), gt(auditLog.id, since)))
    .orderBy(asc(auditLog.id))
}

async function lastAuditId(testApp: TestApp) {
  const [row] = await testApp.database.db.select({ id: max(auditLog.id) }).from(auditLog)
  return row?.id ?? 0
}

/** The records this actor may see of `ids`, through the condition every list query adds. */
async function listedFor(testApp: TestApp, actor: Actor, ids: string[]) {
  const rows = await testApp.database.db
    .select({ id: confidentialAccess.recordId })
    .from(confidentialAccess)
    .where(
      and(
        eq(confidentialAccess.recordType, recordType),
        confidentialCondition(actor, recordType, confidentialAccess.recordId),
      ),
    )
  return rows.map((r) => r.id).filter((id) => ids.includes(id))
}

describe('confidential records', () => {
  const hub = appForSuite()
  let testApp: TestApp
  const secret = randomUUID()
  const other = randomUUID()
  const accounts = {} as Record<
    | 'chair'
    | 'businessUnit'
    | 'member'
    | 'futureMember'
    | 'pastMember'
    | 'named'
    | 'lead'
    | 'boardMemberOfAgency'
    | 'otherLead'
    | 'outsider',
    string
  >
  let groupName: string
  let access: ConfidentialAccess

  before(async () => {
    testApp = hub()
    const { db } = testApp.database
    const pid = testApp.partnershipId
    const group = await insertGroup(db, pid)
    groupName = group.name
    const agency = await insertAgency(db, pid)
    const otherAgency = await insertAgency(db, pid)
    const seat = async (startsOn: string, endsOn: string | null) =>
      (await insertMembership(db, pid, { groupId: group.id, startsOn, endsOn })).personId
    const account = async (roles: Role[], links: { personId?: string; agencyId?: string } = {}) =>
      (
        await insertUser(db, pid, {
          roles,
          password,
          personId: links.personId ?? null,
          agencyId: links.agencyId ?? null,
        })
      ).id
    const namedPerson = await insertPerson(db, pid)
    Object.assign(accounts, {
      chair: await account(['chair']),
      businessUnit: await account(['business-unit']),
      member: await account(['subgroup-member'], { personId: await seat(addDays(today, -30), null) }),
      futureMember: await account(['subgroup-member'], { personId: await seat(addDays(today, 1), null) }),
      pastMember: await account(['subgroup-member'], {
        personId: await seat(addDays(today, -400), addDays(today, -1)),
      }),
      named: await account(['board-member'], { personId: namedPerson.id }),
      lead: await account(['agency-lead'], { agencyId: agency.id }),
      boardMemberOfAgency: await account(['board-member'], { agencyId: agency.id }),
      otherLead: await account(['agency-lead'], { agencyId: otherAgency.id }),
      outsider: await account(['subgroup-member', 'agency-lead', 'board-member']),
    })
    access = { groupIds: [group.id], roles: ['chair'], personIds: [namedPerson.id], agencyIds: [agency.id] }
    const system = systemActor(pid)
    await db.transaction(async (tx) => {
      await setConfidentialAccess(tx, system, recordType, secret, access)
      await setConfidentialAccess(tx, system, recordType, other, { roles: ['business-unit'] })
    })
  })

  it('is seen by whom it names, and by no one else with the same permissions', async () => {
    const sees = async (who: keyof typeof accounts) => {
      const actor = await signedInActor(testApp, accounts[who])
      const one = await canSeeConfidential(testApp.database.db, actor, recordType, secret)
      assert.deepEqual(await listedFor(testApp, actor, [secret]), one ? [secret] : [], `${who}: the list agrees`)
      return one
    }
    assert.equal(await sees('chair'), true, 'a named role')
    assert.equal(await sees('member'), true, 'a member of a named group today')
    assert.equal(await sees('named'), true, 'a named person')
    assert.equal(await sees('lead'), true, 'the safeguarding lead of a named agency')
    assert.equal(await sees('futureMember'), false, 'not before their membership starts')
    assert.equal(await sees('pastMember'), false, 'not after it ended')
    assert.equal(await sees('boardMemberOfAgency'), false, 'another role of the named agency')
    assert.equal(await sees('otherLead'), false, 'the lead of another agency')
    assert.equal(await sees('businessUnit'), false, 'a role the record does not name')
    assert.equal(await sees('outsider'), false, 'every role that reads such records, naming none')
  })

  it('lists only what the actor may see; the system sees all, a signed link nothing, another partnership nothing', async () => {
    const { db } = testApp.database
    const both = [secret, other]
    assert.deepEqual(await listedFor(testApp, await signedInActor(testApp, accounts.chair), both), [secret])
    assert.deepEqual(await listedFor(testApp, await signedInActor(testApp, accounts.businessUnit), both), [other])
    assert.deepEqual((await listedFor(testApp, systemActor(testApp.partnershipId), both)).sort(), [...both].sort())
    assert.equal(await canSeeConfidential(db, systemActor(testApp.partnershipId), recordType, secret), true)
    const link = linkActor(testApp.partnershipId, 'Someone with a link')
    assert.deepEqual(await listedFor(testApp, link, both), [])
    assert.equal(await canSeeConfidential(db, link, recordType, secret), false)
    assert.equal(
      await canSeeConfidential(db, systemActor(testApp.partnershipId), recordType, randomUUID()),
      false,
      'a record that names no one is seen by no one',
    )

    const elsewhere = await insertPartnership(db)
    const theirChair = await insertUser(db, elsewhere.partnershipId, { roles: ['chair'], password })
    const actor = await signedInActor(testApp, theirChair.id)
    assert.equal(await canSeeConfidential(db, actor, recordType, secret), false, 'the chair of another partnership')
    assert.deepEqual(await listedFor(testApp, actor, both), [])
  })

  it('writes one audit row when who can see it changes, and none when it does not', async () => {
    const { db } = testApp.database
    const system = systemActor(testApp.partnershipId)
    const rows = await auditRowsFor(testApp, secret)
    assert.deepEqual(
      rows.map((r) => [r.action, r.recordType]),
      [['access', recordType]],
    )
    assert.deepEqual(rows[0]!.after, {
      groupIds: access.groupIds,
      roles: ['chair'],
      personIds: access.personIds,
      agencyIds: access.agencyIds,
    })

    const since = await lastAuditId(testApp)
    // The same names in another order are no change.
    await setConfidentialAccess(db, system, recordType, secret, {
      ...access,
      roles: ['chair'],
      groupIds: [...access.groupIds!].reverse(),
    })
    assert.deepEqual(await auditRowsFor(testApp, secret, since), [])

    await setConfidentialAccess(db, system, recordType, secret, { ...access, roles: ['chair', 'business-unit'] })
    const [changed, ...more] = await auditRowsFor(testApp, secret, since)
    assert.equal(more.length, 0)
    assert.equal(changed!.action, 'access')
    assert.deepEqual((changed!.before as { roles: string[] }).roles, ['chair'])
    assert.deepEqual((changed!.after as { roles: string[] }).roles, ['chair', 'business-unit'])
    assert.equal(
      await canSeeConfidential(db, await signedInActor(testApp, accounts.businessUnit), recordType, secret),
      true,
    )
    await setConfidentialAccess(db, system, recordType, secret, access)
  })

  describe('the route guard', () => {
    let guarded: GuardedApp
    const handled: string[] = []
    const closers: (() => Promise<void>)[] = []
    after(async () => {
      for (const close of closers) await close()
    })

    before(async () => {
      const everyone = {
        'subgroup-member': true,
        'business-unit': true,
        chair: true,
        'agency-lead': true,
        'board-member': true,
      } as const
      const module = defineModule({
        name: 'confidential-test',
        permissions: { 'secrets:read': { description: 'Read test secrets', roles: everyone } },
        recordTypes: { [recordType]: { label: 'Test secret' } },
      })
      guarded = await guardedApp(testApp, { after: (close) => closers.push(close) }, module, (app) => {
        const config = (confidential: NonNullable<FastifyContextConfig['confidential']>) => ({
          config: { permission: 'secrets:read' as const, confidential },
        })
        const handler = (name: string) => async (request: { method: string; url: string; actor: unknown }) => {
          handled.push(`${request.method} ${request.url.split('?')[0]}`)
          return `${name} for ${requireActor(request as never).name}`
        }
        app.get('/secrets/:id', config({ recordType }), handler('the secret'))
        app.get('/secrets/:id/file.csv', config({ recordType, download: true }), handler('the file'))
        app.post('/secrets/:id', { config: { ...config({ recordType }).config, csrf: false } }, handler('saved'))
        app.get('/notes/:noteId', config({ recordType, param: 'noteId' }), handler('the note'))
        app.get('/secrets', config({ recordType, param: null }), async (request) => {
          const actor = requireActor(request)
          return (await listedFor(testApp, actor, [secret, other])).join(',')
        })
      })
    })

    it('answers 404 outside the record’s scope, before the route runs, and writes nothing', async () => {
      const since = await lastAuditId(testApp)
      handled.length = 0
      for (const [method, url] of [
        ['GET', `/secrets/${secret}`],
        ['GET', `/secrets/${secret}/file.csv`],
        ['POST', `/secrets/${secret}`],
        ['GET', `/notes/${secret}`],
      ] as const) {
        for (const who of ['outsider', 'businessUnit', 'pastMember', 'boardMemberOfAgency'] as const) {
          const response = await guarded.as(accounts[who], method, url)
          assert.equal(response.statusCode, 404, `${method} ${url} as ${who}`)
          assert.match(response.body, /Page not found/)
        }
      }
      // A record that names no one, and an id that is not one, are the same 404.
      assert.equal((await guarded.as(accounts.chair, 'GET', `/secrets/${randomUUID()}`)).statusCode, 404)
      assert.equal((await guarded.as(accounts.chair, 'GET', '/secrets/not-an-id')).statusCode, 404)
      assert.deepEqual(handled, [], 'no handler ran')
      assert.deepEqual(await auditRowsFor(testApp, secret, since), [], 'a refusal is not a view')
    })

    it('inside the scope runs the route and writes who viewed or downloaded what, and when', async () => {
      handled.length = 0
      const since = await lastAuditId(testApp)
      const before = new Date(Date.now() - 1000)
      const page = await guarded.as(accounts.member, 'GET', `/secrets/${secret}?search=Jane+Doe`)
      assert.equal(page.statusCode, 200)
      const file = await guarded.as(accounts.lead, 'GET', `/secrets/${secret}/file.csv`)
      assert.equal(file.statusCode, 200)
      const note = await guarded.as(accounts.named, 'GET', `/notes/${secret}`)
      assert.equal(note.statusCode, 200)
      assert.deepEqual(handled, [`GET /secrets/${secret}`, `GET /secrets/${secret}/file.csv`, `GET /notes/${secret}`])

      const member = await signedInActor(testApp, accounts.member)
      const rows = await auditRowsFor(testApp, secret, since)
      assert.deepEqual(
        rows.map((r) => [r.action, r.recordType, r.actorUserId, r.summary]),
        [
          ['view', recordType, accounts.member, 'Viewed test secret (/secrets/:id)'],
          ['download', recordType, accounts.lead, 'Downloaded test secret (/secrets/:id/file.csv)'],
          ['view', recordType, accounts.named, 'Viewed test secret (/notes/:noteId)'],
        ],
      )
      assert.equal(rows[0]!.actorName, member.name)
      assert.ok(
        rows.every((r) => r.at >= before && r.at <= new Date()),
        'when',
      )
      assert.ok(rows.every((r) => r.partnershipId === testApp.partnershipId))
      assert.doesNotMatch(JSON.stringify(rows), /Jane/, 'the query string (a search, a name) is not logged')

      // The record's own history (on its page) is its changes, not every look at it.
      const history = await historyOf(testApp.app, member, recordType, secret)
      assert.deepEqual(new Set(history.map((entry) => entry.action)), new Set(['access']))
    })

    it('guards a form post but does not write it as a view', async () => {
      handled.length = 0
      const since = await lastAuditId(testApp)
      const response = await guarded.as(accounts.chair, 'POST', `/secrets/${secret}`)
      assert.equal(response.statusCode, 200)
      assert.deepEqual(handled, [`POST /secrets/${secret}`])
      assert.deepEqual(await auditRowsFor(testApp, secret, since), [])
    })

    it('lets a list route run for everyone with the permission, filtering in its query', async () => {
      assert.equal((await guarded.as(accounts.outsider, 'GET', '/secrets')).body, '')
      assert.equal((await guarded.as(accounts.chair, 'GET', '/secrets')).body, secret)
      assert.equal((await guarded.as(accounts.businessUnit, 'GET', '/secrets')).body, other)
    })
  })

  it('the audit log shows who viewed a record, and who can see it, in words', async () => {
    const officer = await testApp.signIn(demoEmail['business-unit'])
    const views = await officer.get(`/audit-log?action=view&recordId=${secret}`)
    assert.equal(views.statusCode, 200)
    const who = tableColumn(views.body, 'Audit log entries', 'Who')
    const member = await signedInActor(testApp, accounts.member)
    const named = await signedInActor(testApp, accounts.named)
    assert.deepEqual(who, [named.name, member.name], 'the views only, newest first')
    assert.deepEqual(tableColumn(views.body, 'Audit log entries', 'What'), [
      'Viewed test secret (/notes/:noteId)',
      'Viewed test secret (/secrets/:id)',
    ])
    assert.match(views.body, /<option value="view" selected>Viewed a confidential record<\/option>/)

    const downloads = await officer.get(`/audit-log?action=download&recordId=${secret}`)
    assert.deepEqual(tableColumn(downloads.body, 'Audit log entries', 'What'), [
      'Downloaded test secret (/secrets/:id/file.csv)',
    ])

    const changes = await officer.get(`/audit-log?action=access&recordId=${secret}`)
    const described = tableColumn(changes.body, 'Audit log entries', 'Changes')
    assert.equal(described.length, 3)
    assert.match(described.at(-1)!, new RegExp(`Groups whose members can see it: \\(blank\\) → ${groupName}`))
    assert.match(described.at(-1)!, /Roles that can see it: \(blank\) → Independent chair/)
    assert.match(described[1]!, /Roles that can see it: Independent chair → Independent chair, Business unit/)
    assert.doesNotMatch(described.join(' '), /[0-9a-f]{8}-[0-9a-f]{4}-/, 'names, not ids')
  })
})
