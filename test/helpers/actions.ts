import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { actions } from '../../src/modules/actions/schema.ts'
import { raiseAction, type NewAction } from '../../src/modules/actions/service.ts'
import { agencies, people } from '../../src/modules/partnership/schema.ts'
import { auditLog } from '../../src/platform/schema.ts'
import { insertPerson, insertUser } from '../builders/index.ts'
import { builderActor } from '../builders/names.ts'
import { demoEmail, type Session } from './app.ts'
import { idOf, officerForSuite } from './records.ts'

/**
 * The action tracker's tests share one scene: four actions raised from one source, as a case
 * review's recommendation would raise them, owned by people of two agencies; and the people who
 * look at them, each signed in. The owner holds a role with no action tracker permission at all;
 * the stranger owns nothing.
 */

export const past = '2020-03-31'
export const future = '2099-03-31'
/** A kind of source no module raises, so the demo's own actions stay out of these lists. */
export const testSource = 'tracker-test-source'
export const sourceQuery = `sourceType=${testSource}`
const password = 'a long enough password for the owner'

export function trackerForSuite() {
  const shared = officerForSuite()
  const ids = {} as Record<'oxfordHealth' | 'police' | 'owner' | 'sam' | 'kate' | 'source', string> &
    Record<'ownerOverdue' | 'ownerOnTrack' | 'policeAction' | 'samAction', string>
  /** The owner holds a role with no action tracker permission at all; the stranger owns nothing. */
  const sessions = {} as Record<'owner' | 'lead' | 'stranger' | 'chair' | 'board', Session>

  async function raise(overrides: Partial<NewAction> & { description: string }) {
    const { testApp } = shared
    return raiseAction(testApp.database.db, builderActor(testApp.partnershipId), {
      source: { type: testSource, id: ids.source, label: 'Child T: recommendation 1', href: '/case-reviews/x' },
      dueOn: future,
      ...overrides,
    })
  }

  before(async () => {
    const { testApp } = shared
    ids.source = randomUUID()
    ids.oxfordHealth = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    ids.police = await idOf(testApp, agencies, 'Thames Valley Police')
    const { db } = testApp.database
    const owner = await insertPerson(db, testApp.partnershipId, { name: 'Nadia Brookes', agencyId: ids.oxfordHealth })
    ids.owner = owner.id
    const ownerAccount = await insertUser(db, testApp.partnershipId, {
      name: owner.name,
      roles: ['subgroup-member'],
      personId: owner.id,
      password,
    })
    const stranger = await insertPerson(db, testApp.partnershipId)
    const strangerAccount = await insertUser(db, testApp.partnershipId, { personId: stranger.id, password })
    ids.sam = await idOf(testApp, people, 'Sam Patel')
    ids.kate = await idOf(testApp, people, 'Detective Superintendent Kate Lyons')
    ids.ownerOverdue = await raise({
      description: 'Audit the use of the neglect toolkit in health visiting',
      ownerPersonId: ids.owner,
      ownerAgencyId: ids.oxfordHealth,
      dueOn: past,
      status: 'on-track',
    })
    ids.ownerOnTrack = await raise({
      description: 'Brief school nurses on the role of fathers and male carers',
      ownerPersonId: ids.owner,
      ownerAgencyId: ids.oxfordHealth,
      status: 'on-track',
    })
    ids.samAction = await raise({
      description: 'Revise the trust’s escalation policy',
      ownerPersonId: ids.sam,
      ownerAgencyId: ids.oxfordHealth,
    })
    ids.policeAction = await raise({
      description: 'Train custody officers in professional curiosity',
      ownerPersonId: ids.kate,
      ownerAgencyId: ids.police,
      dueOn: past,
      status: 'at-risk',
    })
    Object.assign(sessions, {
      owner: await testApp.signIn(ownerAccount.email, password),
      lead: await testApp.signIn(demoEmail['agency-lead']),
      stranger: await testApp.signIn(strangerAccount.email, password),
      chair: await testApp.signIn(demoEmail.chair),
      board: await testApp.signIn(demoEmail['board-member']),
    })
  })

  async function auditOf(actionId: string) {
    return shared.testApp.database.db
      .select({ action: auditLog.action, summary: auditLog.summary, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'action'), eq(auditLog.recordId, actionId)))
      .orderBy(asc(auditLog.id))
  }

  async function actionRow(id: string) {
    const [row] = await shared.testApp.database.db.select().from(actions).where(eq(actions.id, id))
    assert.ok(row)
    return row
  }

  return { shared, ids, sessions, raise, auditOf, actionRow }
}
