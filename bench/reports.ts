import { execFileSync } from 'node:child_process'
import { and, eq, isNull, sql } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import { buildApp, registry } from '../src/app.ts'
import type { DatabaseConnection } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { agencies, groupMemberships, groups, people } from '../src/modules/partnership/schema.ts'
import { reportDocument } from '../src/modules/reports/document.ts'
import { statusLine } from '../src/modules/reports/presenters.ts'
import { reports } from '../src/modules/reports/schema.ts'
import { draftSnapshot, getReport } from '../src/modules/reports/service.ts'
import { closeChromium } from '../src/platform/documents/chromium.ts'
import { renderDocx } from '../src/platform/documents/docx.ts'
import { renderPdf } from '../src/platform/documents/pdf.ts'
import { renderPrintHtml } from '../src/platform/documents/print.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { seatInYear } from '../src/modules/partnership/memberships/in-year.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { Session } from '../test/helpers/app.ts'
import { databaseClock, measureAlone } from './breakdown.ts'
import { benchAppConfig, percentile, serverTimer } from './load.ts'
import { addScaledPartnership, scaledPartnership } from './report-data.ts'

/**
 * The annual report's outputs: GET /reports/:id (the page) and /reports/:id/download/html|docx|pdf
 * for the demo's 2016/17 annual report, a live draft, so every request drafts it from the records,
 * as the business unit. At the demo's size and at ten times it (bench/report-data.ts), one request
 * at a time through app.inject, beside a bare Fastify route measured the same way in the same run.
 * The first request of each output at each size is reported apart as cold; before the first DOCX
 * and the first PDF at each size the shared Chromium is closed, so that request pays the browser's
 * launch as the first download after a start does, and the medians never include one.
 */

/** Timed requests per output and size after the cold one; REPORT_RUNS overrides it. */
export const reportRuns = Number(process.env.REPORT_RUNS) || 5
/** Rounds of the steps one by one: fewer, as each round renders every output at both sizes. */
const stepRuns = Math.min(reportRuns, 3)
export const scale = 10

export const outputs = [
  { format: 'page', name: 'Report page', suffix: '' },
  { format: 'html', name: 'HTML download', suffix: '/download/html' },
  { format: 'docx', name: 'DOCX download', suffix: '/download/docx' },
  { format: 'pdf', name: 'PDF download', suffix: '/download/pdf' },
] as const
export type Output = (typeof outputs)[number]['format']

export interface SizeFacts {
  label: string
  agencies: number
  people: number
  subgroups: number
  /** Seats on the board and subgroups held at some time in 2016/17. */
  seats: number
}

export interface OutputTiming {
  /** The first request (with Chromium's launch for DOCX and PDF). */
  cold: number
  median: number
  min: number
  max: number
  /** Median time with a query in flight. */
  database: number
  bytes: number
}

export interface StepTimings {
  /** draftSnapshot: figures, the section's records and tables, the chart drawn, narrative resolved. */
  snapshot: number
  snapshotDatabase: number
  /** renderPrintHtml of the report's document. */
  printHtml: number
  docx: number
  /** renderDocx without the chart's PNG (drawn by Chromium). */
  docxWithoutPng: number
  /** renderPdf of the print HTML. */
  pdf: number
}

export interface ReportsResults {
  label: string
  chromium: string
  runs: number
  stepRuns: number
  /** The bare route's median server time, one request at a time. */
  bare: number
  sizes: [SizeFacts, SizeFacts]
  timings: Record<Output, [OutputTiming, OutputTiming]>
  steps: [StepTimings, StepTimings]
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  )

const year2016 = reportingYear(2016)

async function sizeFacts(connection: DatabaseConnection, partnershipId: string, label: string): Promise<SizeFacts> {
  const { db } = connection
  const count = async (table: Parameters<typeof db.$count>[0], where: Parameters<typeof db.$count>[1]) =>
    db.$count(table, where)
  return {
    label,
    agencies: await count(agencies, eq(agencies.partnershipId, partnershipId)),
    people: await count(people, eq(people.partnershipId, partnershipId)),
    subgroups: await count(groups, and(eq(groups.partnershipId, partnershipId), eq(groups.kind, 'subgroup'))),
    seats: await count(groupMemberships, and(eq(groupMemberships.partnershipId, partnershipId), seatInYear(year2016))),
  }
}

async function annualReport2016(connection: DatabaseConnection, partnershipId: string) {
  const [row] = await connection.db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.partnershipId, partnershipId),
        eq(reports.kind, 'annual'),
        eq(reports.startYear, 2016),
        isNull(reports.groupId),
      ),
    )
  if (!row) throw new Error('No 2016/17 annual report: has the reports seed changed?')
  return row.id
}

async function signIn(app: FastifyInstance, email: string) {
  const session = new Session(app)
  await session.get('/sign-in')
  const signedIn = await session.post('/sign-in', { email, password: 'board-demo-password' })
  if (signedIn.statusCode !== 302) throw new Error(`Signing in as ${email} failed with ${signedIn.statusCode}`)
  return [...session.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
}

function checkBody(format: Output, contentType: string, body: Buffer) {
  const ok =
    format === 'pdf'
      ? contentType === 'application/pdf' && body.subarray(0, 5).toString() === '%PDF-'
      : format === 'docx'
        ? contentType.includes('wordprocessingml') && body.subarray(0, 2).toString() === 'PK'
        : contentType.startsWith('text/html') && body.includes('The board and its subgroups')
  if (!ok) throw new Error(`The ${format} output is not what it should be (${contentType}, ${body.length} bytes)`)
}

/**
 * Each step on its own, one step's runs after another (so drafting is not timed while Chromium is
 * still tidying up after a PDF), each after one unrecorded run.
 */
async function timeSteps(
  connection: DatabaseConnection,
  clock: ReturnType<typeof databaseClock>,
  partnershipId: string,
  reportId: string,
  runs: number,
): Promise<StepTimings> {
  const { db } = connection
  const report = await getReport(db, systemActor(partnershipId), reportId)
  const repeat = async (work: () => Promise<unknown> | unknown) => {
    await work()
    const times: number[] = []
    const database: number[] = []
    for (let i = 0; i < runs; i++) {
      clock.reset()
      const start = performance.now()
      await work()
      times.push(performance.now() - start)
      database.push(clock.read())
    }
    return { ms: median(times), database: median(database) }
  }
  const snapshot = await repeat(() => draftSnapshot(db, registry, report))
  const model = reportDocument(await draftSnapshot(db, registry, report), statusLine(report, null))
  const html = renderPrintHtml(model)
  return {
    snapshot: snapshot.ms,
    snapshotDatabase: snapshot.database,
    printHtml: (await repeat(() => renderPrintHtml(model))).ms,
    docx: (await repeat(() => renderDocx(model, { linkBase: 'http://localhost' }))).ms,
    docxWithoutPng: (await repeat(() => renderDocx(model, { linkBase: 'http://localhost', rasterise: null }))).ms,
    pdf: (await repeat(() => renderPdf(html))).ms,
  }
}

/**
 * The reports bench on one database: migrated by the caller, empty. Loads the demo partnership
 * and the one ten times its size, builds the app as in production, and times each output.
 */
export async function benchReports(
  label: string,
  connection: DatabaseConnection,
  log: (message: string) => void,
): Promise<ReportsResults> {
  const { db } = connection
  log(`${label} reports: loading the demo partnership and one ${scale} times its size`)
  const { partnershipId: demoId } = await seedDemoData(db)
  const scaledId = await addScaledPartnership(db, scale)
  await db.execute(sql`analyze`)
  const sizes: [SizeFacts, SizeFacts] = [
    await sizeFacts(connection, demoId, 'the demo'),
    await sizeFacts(connection, scaledId, `${scale}× the demo`),
  ]
  const app = await buildApp({ config: benchAppConfig(), database: connection, logger: false })
  const timer = serverTimer(app)
  const clock = databaseClock(db)
  await app.ready()
  const targets = [
    { reportId: await annualReport2016(connection, demoId), cookie: await signIn(app, 'business.unit@oscb.example') },
    {
      reportId: await annualReport2016(connection, scaledId),
      cookie: await signIn(app, `business.unit@${scaledPartnership.emailDomain}`),
    },
  ]

  // The bare route first, as the other parts of the bench measure it one request at a time.
  log(`${label} reports: bare route`)
  const bareApp = Fastify()
  const bareTimer = serverTimer(bareApp)
  bareApp.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><title>Bare</title><p>Hello</p>'),
  )
  const bare = await measureAlone({ app: bareApp, timer: bareTimer, clock: null, name: 'Bare', url: '/' })
  await bareApp.close()

  const request = async (output: (typeof outputs)[number], size: 0 | 1) => {
    const { reportId, cookie } = targets[size]!
    clock.reset()
    timer.reset()
    const response = await app.inject({ url: `/reports/${reportId}${output.suffix}`, headers: { cookie } })
    if (response.statusCode !== 200)
      throw new Error(`${output.name} (${sizes[size].label}) answered ${response.statusCode}`)
    checkBody(output.format, String(response.headers['content-type']), response.rawPayload)
    const [server] = timer.take()
    return { ms: server!, database: clock.read(), bytes: response.rawPayload.length }
  }

  const timings = {} as ReportsResults['timings']
  for (const output of outputs) {
    log(`${label} reports: ${output.name}, ${reportRuns} runs at each size`)
    const cold: { ms: number; bytes: number }[] = []
    for (const size of [0, 1] as const) {
      if (output.format === 'docx' || output.format === 'pdf') await closeChromium()
      cold.push(await request(output, size))
    }
    // The sizes take turns, so both see the same conditions.
    const runs: { ms: number; database: number }[][] = [[], []]
    for (let i = 0; i < reportRuns; i++)
      for (const size of [0, 1] as const) runs[size]!.push(await request(output, size))
    const timing = (size: 0 | 1): OutputTiming => {
      const times = runs[size]!.map((r) => r.ms)
      return {
        cold: cold[size]!.ms,
        median: median(times),
        min: Math.min(...times),
        max: Math.max(...times),
        database: median(runs[size]!.map((r) => r.database)),
        bytes: cold[size]!.bytes,
      }
    }
    timings[output.format] = [timing(0), timing(1)]
  }
  await app.close()

  log(`${label} reports: the steps one by one`)
  const steps: [StepTimings, StepTimings] = [
    await timeSteps(connection, clock, demoId, targets[0]!.reportId, stepRuns),
    await timeSteps(connection, clock, scaledId, targets[1]!.reportId, stepRuns),
  ]
  await closeChromium()
  return { label, chromium: chromiumVersion(), runs: reportRuns, stepRuns, bare: bare.total, sizes, timings, steps }
}

function chromiumVersion() {
  try {
    return execFileSync(benchAppConfig().chromiumPath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return 'Chromium (version unknown)'
  }
}
