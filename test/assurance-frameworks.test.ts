import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditAnswers, auditFrameworks, frameworkCriteria } from '../src/modules/assurance/audit-schema.ts'
import { schoolsFramework, section11Framework } from '../src/modules/assurance/frameworks/defaults.ts'
import {
  addCriterion,
  changeScale,
  getFramework,
  readFramework,
  removeStandard,
  updateCriterion,
} from '../src/modules/assurance/frameworks/service.ts'
import { StaleEditError } from '../src/platform/errors.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertAgency, insertAnswers, insertCycle, insertFramework } from './builders/index.ts'
import { appForSuite, demoEmail } from './helpers/app.ts'
import { errorSummary, formVersion, heading, textOf } from './helpers/html.ts'

/**
 * Audit frameworks: the defaults every partnership starts with, versioning (an edit to a version in
 * use makes a new one; answers keep their criteria), and the pages that read and change them.
 */
describe('audit frameworks', () => {
  const shared = appForSuite()

  it('starts every partnership with the section 11 standards and the schools’ audit', async () => {
    const { database, partnershipId } = shared()
    const frameworks = await database.db
      .select()
      .from(auditFrameworks)
      .where(eq(auditFrameworks.partnershipId, partnershipId))
    const byKind = Object.fromEntries(frameworks.map((f) => [f.kind, f]))
    const s11 = await readFramework(database.db, partnershipId, byKind['section-11']!.id)
    assert.equal(s11.standards.length, 8)
    assert.equal(s11.version.scale, 'rag')
    assert.equal(s11.standards[0]!.criteria[0]!.text, section11Framework.standards[0]!.criteria[0])
    const schools = await readFramework(database.db, partnershipId, byKind.schools!.id)
    assert.equal(schools.version.scale, 'met')
    const questions = schools.standards.flatMap((s) => s.criteria).length
    assert.equal(questions, schoolsFramework.standards.flatMap((s) => s.criteria).length)
    assert.ok(questions >= 50 && questions <= 60, `${questions} questions`)
  })

  it('edits a version no cycle uses in place, and copies one in use to the next version', async () => {
    const { database, partnershipId } = shared()
    const db = database.db
    const actor = systemActor(partnershipId, 'Test')
    const built = await insertFramework(db, partnershipId)
    const id = built.framework.id
    const first = built.criteria[0]!

    // Not in use: version 1 changes in place.
    assert.equal(await updateCriterion(db, actor, { frameworkId: id, criterionId: first.id }, 1, 'Leaders lead'), 1)
    assert.equal((await readFramework(db, partnershipId, id)).standards[0]!.criteria[0]!.text, 'Leaders lead')

    // In use, with an answer: the change goes to version 2 and the answer keeps its criterion.
    const agency = await insertAgency(db, partnershipId)
    const { returns } = await insertCycle(db, partnershipId, { versionId: built.version.id, agencyIds: [agency.id] })
    await insertAnswers(db, partnershipId, returns[0]!.id, [{ criterionId: first.id, selfGrade: 'green' }])
    const made = await updateCriterion(db, actor, { frameworkId: id, criterionId: first.id }, 2, 'Leaders champion it')
    assert.equal(made, 2)
    const now = await readFramework(db, partnershipId, id)
    assert.equal(now.version.number, 2)
    assert.equal(now.standards[0]!.criteria[0]!.text, 'Leaders champion it')
    assert.notEqual(now.standards[0]!.criteria[0]!.id, first.id)
    const old = await readFramework(db, partnershipId, id, 1)
    assert.equal(old.standards[0]!.criteria[0]!.text, 'Leaders lead')
    const [answer] = await db.select().from(auditAnswers).where(eq(auditAnswers.returnId, returns[0]!.id))
    assert.equal(answer!.criterionId, first.id)

    // Version 2 is not in use: the next edits stay in it, numbering as they go.
    assert.equal(await addCriterion(db, actor, { frameworkId: id, standardId: now.standards[1]!.id }, 3, 'New'), 2)
    assert.equal(await removeStandard(db, actor, { frameworkId: id, standardId: now.standards[0]!.id }, 4), 2)
    assert.equal(await changeScale(db, actor, id, 5, 'met'), 2)
    const after = await readFramework(db, partnershipId, id)
    assert.deepEqual(
      after.standards.map((s) => [s.number, s.title, s.criteria.map((c) => `${s.number}.${c.number} ${c.text}`)]),
      [[1, 'Safer recruitment', ['1.1 Checks before starting', '1.2 Allegations managed', '1.3 New']]],
    )
    assert.equal(after.version.scale, 'met')
    assert.equal(old.version.scale, 'rag')
    const v1criteria = await db
      .select()
      .from(frameworkCriteria)
      .where(and(eq(frameworkCriteria.versionId, built.version.id)))
    assert.equal(v1criteria.length, 4)

    // A form opened before the last change is refused.
    await assert.rejects(changeScale(db, actor, id, 5, 'rag'), StaleEditError)
    const logged = await db.select().from(auditLog).where(eq(auditLog.recordId, id))
    assert.ok(logged.some((e) => e.summary === 'Changed criterion 1.1 (made version 2)'))
    assert.equal((await getFramework(db, partnershipId, id)).version, 6)
  })

  it('lets the business unit add a framework and change it, saying a change makes a new version', async () => {
    const { database, partnershipId, signIn } = shared()
    const session = await signIn(demoEmail['business-unit'])
    const refused = await session.post('/assurance/frameworks/new', { name: '', kind: 'schools' })
    assert.equal(refused.statusCode, 400)
    assert.deepEqual(errorSummary(refused.body), [
      'name: Enter the framework’s name',
      'scale: Select a grading scale',
      'start: Select how to start the framework',
    ])

    const created = await session.post('/assurance/frameworks/new', {
      name: 'Early years audit',
      kind: 'schools',
      scale: 'score',
      start: 'defaults',
    })
    assert.equal(created.statusCode, 302)
    const page = await session.get(created.headers.location as string)
    assert.equal(heading(page.body), 'Early years audit')
    assert.match(textOf(page.body), /1\.1 A designated safeguarding lead/)
    assert.match(textOf(page.body), /Score 0 to 3/)

    const id = (created.headers.location as string).split('/')[3]!.split('?')[0]!
    const view = await readFramework(database.db, partnershipId, id)
    const agency = await insertAgency(database.db, partnershipId, { type: 'school' })
    await insertCycle(database.db, partnershipId, {
      versionId: view.version.id,
      agencyIds: [agency.id],
      name: 'Schools 2016',
    })
    const path = `/assurance/frameworks/${id}/standards/${view.standards[0]!.id}/criteria/new`
    const form = await session.get(path)
    assert.match(textOf(form.body), /Schools 2016 uses version 1: your change makes version 2/)
    const saved = await session.post(path, { version: formVersion(form.body), text: 'The DSL meets the head weekly' })
    assert.equal(saved.headers.location, `/assurance/frameworks/${id}?changed=2`)
    const list = await session.get('/assurance/frameworks')
    assert.match(
      textOf(list.body),
      /Early years audit Schools’ safeguarding audit \(section 175\/157\) Score 0 to 3 2 1/,
    )
    const older = await session.get(`/assurance/frameworks/${id}?version=1`)
    assert.match(textOf(older.body), /This is version 1/)

    const lead = await signIn(demoEmail['agency-lead'])
    assert.equal((await lead.get(`/assurance/frameworks/${id}`)).statusCode, 200)
    assert.equal((await lead.get(path)).statusCode, 403)
  })
})
