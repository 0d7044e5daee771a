import { and, eq, like, notInArray, sql } from 'drizzle-orm'
import { buildApp } from '../src/app.ts'
import type { Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { raiseAction } from '../src/modules/actions/service.ts'
import { auditReturns } from '../src/modules/assurance/audit-schema.ts'
import { resultsPage } from '../src/modules/assurance/results/page.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { partnerships } from '../src/platform/schema.ts'
import { rowsOf } from '../src/modules/learning/reach/sources.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { insertCycle, insertFramework } from '../test/builders/assurance.ts'
import { bareRoute } from './bare-route.ts'
import { aloneTable, businessUnitSession, ms, provenance, runPageBench, writeResults } from './page-bench.ts'
import { databaseClock, measureAlone, type Phases } from './breakdown.ts'
import { benchAppConfig, serverTimer } from './load.ts'
import { plainViewApp } from './plain-page.ts'

/**
 * `npm run bench:assurance`: a cycle's results pages on PostgreSQL — the section 11 matrix (20
 * agencies × 8 standards of 4 criteria, against a previous cycle, with actions arising) and the
 * schools' results (500 schools × 60 questions, 90% returned) — one request at a time, beside the bare
 * Fastify route and the same page without the platform (the same queries, presenters and template
 * in a bare Fastify app with @fastify/view, no session, hooks or permission checks; its actor is the
 * system's, so the queries' confidential condition is `true`). Writes bench/RESULTS-assurance.md.
 * Aim: each page under 100 ms median.
 */
const aim = 100
const schoolCount = 500
const questionsPerStandard = 10
const schoolStandards = 6
const section11Agencies = 20

const grades = {
  rag: `array['green','green','green','green','green','green','amber','amber','amber','red']`,
  met: `array['fully-met','fully-met','fully-met','fully-met','fully-met','fully-met','mostly-met','mostly-met','mostly-met','partially-met','not-met']`,
}

/** Answers for every criterion of every returned return of the cycle, graded from a hash; some moderated. */
async function answerAll(db: Database, cycleId: string, versionId: string, scale: 'rag' | 'met', moderate: boolean) {
  const list = grades[scale]
  await db.execute(sql`
    insert into audit_answers (partnership_id, return_id, criterion_id, self_grade, evidence, moderated_grade, moderation_reason)
    select r.partnership_id, r.id, c.id, g.self, 'Evidence for the bench',
      case when ${moderate} then (case when h % 17 = 0 then (${sql.raw(list)})[1] else g.self end) end,
      case when ${moderate} then 'Agreed at moderation' end
    from audit_returns r
    cross join framework_criteria c
    cross join lateral (select abs(hashtext(r.id::text || c.id::text)) as h) hashed
    cross join lateral (select (${sql.raw(list)})[1 + h % array_length(${sql.raw(list)}, 1)] as self) g
    where r.cycle_id = ${cycleId} and c.version_id = ${versionId} and r.status <> 'draft'`)
}

async function generate(db: Database, partnershipId: string) {
  const schoolRows = Array.from({ length: schoolCount }, (_, i) => ({
    partnershipId,
    name: `Bench school ${String(i + 1).padStart(3, '0')}`,
    type: 'school' as const,
    urn: String(100000 + i),
  }))
  await db.insert(agencies).values(schoolRows)
  const partners = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(eq(agencies.partnershipId, partnershipId), notInArray(agencies.type, ['school', 'education', 'lay-members'])),
    )
  const more = Array.from({ length: Math.max(0, section11Agencies - partners.length) }, (_, i) => ({
    partnershipId,
    name: `Bench agency ${i + 1}`,
    type: 'voluntary-and-community-sector' as const,
  }))
  if (more.length) partners.push(...(await db.insert(agencies).values(more).returning({ id: agencies.id })))
  const agencyIds = partners.slice(0, section11Agencies).map((a) => a.id)

  const section11 = await insertFramework(db, partnershipId, {
    kind: 'section-11',
    scale: 'rag',
    standards: Array.from({ length: 8 }, (_, s) => ({
      title: `Standard ${s + 1}`,
      criteria: Array.from({ length: 4 }, (_, c) => `Criterion ${s + 1}.${c + 1}`),
    })),
  })
  const earlier = await insertCycle(db, partnershipId, {
    versionId: section11.version.id,
    agencyIds,
    name: 'Section 11 2014/15',
    startYear: 2014,
    dueOn: '2014-11-30',
    status: 'closed',
    returnStatus: 'closed',
  })
  await answerAll(db, earlier.cycle.id, section11.version.id, 'rag', true)
  const current = await insertCycle(db, partnershipId, {
    versionId: section11.version.id,
    agencyIds,
    name: 'Section 11 2016/17',
    returnStatus: 'moderated',
  })
  await answerAll(db, current.cycle.id, section11.version.id, 'rag', true)
  const actor = systemActor(partnershipId, 'Bench')
  const answerIds = rowsOf<{ id: string; agency_id: string }>(
    await db.execute(sql`select a.id, r.agency_id from audit_answers a join audit_returns r on r.id = a.return_id
      where r.cycle_id = ${current.cycle.id} and a.moderated_grade <> 'green' order by a.id limit 40`),
  )
  for (const [i, answer] of answerIds.entries())
    await raiseAction(db, actor, {
      source: { type: 'audit-answer', id: answer.id, label: `Bench answer ${i + 1}`, href: '/assurance' },
      description: `Bench action ${i + 1}`,
      ownerAgencyId: answer.agency_id,
      dueOn: i % 5 === 0 ? '2017-01-31' : '2099-03-31',
    })

  const schoolsFramework = await insertFramework(db, partnershipId, {
    kind: 'schools',
    scale: 'met',
    standards: Array.from({ length: schoolStandards }, (_, s) => ({
      title: `Area ${s + 1}`,
      criteria: Array.from({ length: questionsPerStandard }, (_, c) => `Question ${s + 1}.${c + 1}`),
    })),
  })
  // The bench's own 500 schools (the demo has its own schools' audit over its 252).
  const schoolIds = (
    await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.partnershipId, partnershipId), like(agencies.name, 'Bench school %')))
  ).map((a) => a.id)
  const schools = await insertCycle(db, partnershipId, {
    versionId: schoolsFramework.version.id,
    agencyIds: schoolIds,
    name: 'Schools’ safeguarding audit 2016/17',
    returnStatus: 'submitted',
  })
  await db
    .update(auditReturns)
    .set({ status: sql`case when abs(hashtext(${auditReturns.id}::text)) % 10 = 0 then 'draft' else 'submitted' end` })
    .where(eq(auditReturns.cycleId, schools.cycle.id))
  await answerAll(db, schools.cycle.id, schoolsFramework.version.id, 'met', false)
  await db.execute(sql`vacuum analyze`)
  return { section11Id: current.cycle.id, schoolsId: schools.cycle.id }
}

async function main() {
  await runPageBench('assurance', async (run, connection) => {
    const { db } = connection
    const { partnershipId } = await seedDemoData(db)
    const { section11Id, schoolsId } = await generate(db, partnershipId)
    const [counts] = rowsOf<{ answers: number; schools: number }>(
      await db.execute(sql`select (select count(*) from audit_answers a join audit_returns r on r.id = a.return_id where r.cycle_id = ${schoolsId})::int as answers,
          (select count(*) from audit_returns where cycle_id = ${schoolsId})::int as schools`),
    )

    const app = await buildApp({ config: benchAppConfig(), database: connection, logger: false })
    const timer = serverTimer(app)
    const clock = databaseClock(db)
    await app.ready()
    const { session, cookie } = await businessUnitSession(app)
    const routes = [
      { name: 'Section 11 results (20 agencies × 8 standards)', path: `/assurance/cycles/${section11Id}/results` },
      {
        name: `Schools’ results (${schoolCount} schools × 60 questions)`,
        path: `/assurance/cycles/${schoolsId}/results`,
      },
    ]
    for (const route of routes) {
      const page = await session.get(route.path)
      if (page.statusCode !== 200) throw new Error(`${route.path} answered ${page.statusCode}`)
    }

    const [partnership] = await db.select().from(partnerships).where(eq(partnerships.id, partnershipId))
    const plain = await plainViewApp({
      actorName: 'Tom Whitfield',
      partnershipName: partnership!.name,
      currentPath: '/assurance',
    })
    const actor = systemActor(partnershipId)
    plain.app.get('/assurance/cycles/:cycle/results', async (request, reply) => {
      const { cycle } = request.params as { cycle: string }
      const { template, context } = await resultsPage(db, actor, cycle, request.query as Record<string, string>)
      return reply.view(template, { ...plain.layout, ...context })
    })
    await plain.app.ready()

    console.log('bare route')
    const alone: Phases[] = [(await bareRoute()).alone]
    for (const route of routes) {
      console.log(route.path)
      alone.push(await measureAlone({ app, timer, clock, name: route.name, url: route.path, cookie }))
      alone.push(
        await measureAlone({
          app: plain.app,
          timer: plain.timer,
          clock,
          name: `${route.name}, without the platform`,
          url: route.path,
        }),
      )
    }
    await plain.app.close()
    await app.close()

    const section11 = alone[1]!.total
    const schoolsPage = alone[3]!.total
    const verdict = (value: number) => (value < aim ? 'met' : 'not met')
    const lines = [
      '# Quality assurance results pages',
      '',
      ...(await provenance(db, 'assurance', run)),
      '',
      `Data: the demo partnership, then a section 11 framework (8 standards × 4 criteria, red/amber/green) with a 2014/15 and a 2016/17 cycle over ${section11Agencies} agencies, every answer graded and moderated, 40 actions arising; and a schools' framework (${schoolStandards} areas × ${questionsPerStandard} questions, fully/mostly/partially/not met) sent to ${counts!.schools} schools, 90% returned: ${counts!.answers.toLocaleString('en-GB')} answers; then \`VACUUM ANALYZE\`.`,
      '',
      `**Aim: each page under ${aim} ms median one request at a time. Section 11 results ${ms(section11)} ms: ${verdict(section11)}. Schools' results ${ms(schoolsPage)} ms: ${verdict(schoolsPage)}.**`,
      '',
      'One request at a time through `app.inject` as the business unit (median of 40 after 5 unrecorded), split into time waiting for the database and the rest (routing, session, permission and confidential checks, presenters, the template). "Without the platform": the same `resultsPage()` and template in a bare Fastify app with `@fastify/view`, no session, hooks or permission checks, as the system actor (so the confidential condition in the queries is `true`).',
      '',
      ...aloneTable(alone),
      '',
    ]
    await writeResults('assurance', lines)
    console.log(lines.join('\n'))
  })
}

await main()
