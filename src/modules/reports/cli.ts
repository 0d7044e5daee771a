import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { and, eq, sql } from 'drizzle-orm'
import { registry } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { migrateDatabase, openDatabase, type Database } from '../../db/index.ts'
import { DataDirectoryInUseError } from '../../db/lock.ts'
import { configureChromium } from '../../platform/documents/chromium.ts'
import { closePdfBrowser } from '../../platform/documents/pdf.ts'
import { toCsv } from '../../platform/exports.ts'
import { systemActor } from '../../platform/permissions.ts'
import { parseYear } from '../../platform/reporting-years.ts'
import { partnerships } from '../../platform/schema.ts'
import { groups } from '../partnership/schema.ts'
import { getPaper, paperDocumentOf } from './cabinet-paper/service.ts'
import { reportDocument } from './document.ts'
import { documentFormats, renderDocument, type DocumentFormat } from './outputs.ts'
import { statusLine } from './presenters.ts'
import { figureCsvHeader, figureCsvRow } from './routes/figures.ts'
import { reports } from './schema.ts'
import { currentContent, getReport, reportTitle } from './service.ts'
import { assembleSnapshot, computeAllFigures } from './snapshot.ts'

/**
 * `npm run report -- --year 2016/17 --kind annual|cabinet-paper|subgroup [--group NAME] --format html|docx|pdf --out FILE`
 * writes what the app would serve for that report, from the database the app would use;
 * `npm run report -- --year 2016/17 --figures --format json|csv [--out FILE]` writes every registered figure.
 */
class UsageError extends Error {}

const usage = `Usage:
  npm run report -- --year 2016/17 --kind annual|cabinet-paper|subgroup [--group "<name>"] --format html|docx|pdf --out FILE
  npm run report -- --year 2016/17 --figures --format json|csv [--out FILE]
Options: --partnership CODE chooses the partnership by local authority code when the database holds several.`

function options() {
  try {
    return parseArgs({
      options: {
        year: { type: 'string' },
        kind: { type: 'string' },
        group: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        figures: { type: 'boolean' },
        partnership: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

async function partnershipFor(db: Database, code: string | undefined) {
  const rows = await db
    .select()
    .from(partnerships)
    .where(code ? eq(partnerships.localAuthorityCode, code) : undefined)
  if (!rows.length)
    throw new UsageError(
      code
        ? `No partnership has the local authority code ${code}`
        : 'The database holds no partnership yet: run npm run db:seed',
    )
  if (rows.length > 1)
    throw new UsageError('The database holds several partnerships: choose one with --partnership CODE')
  return rows[0]!
}

async function run(db: Database, args: ReturnType<typeof options>, linkBase: string) {
  if (!args.year) throw new UsageError('Give the reporting year: --year 2016/17')
  const partnership = await partnershipFor(db, args.partnership)
  const year = parseYear(args.year, partnership.yearStartMonth)
  if (!year) throw new UsageError(`“${args.year}” is not a reporting year: write it like 2016/17`)
  const actor = systemActor(partnership.id, 'Command line')

  if (args.figures) {
    const format = args.format ?? 'json'
    if (format !== 'json' && format !== 'csv') throw new UsageError('Figures come as --format json or csv')
    const figures = await computeAllFigures(db, registry, partnership.id, year)
    return format === 'json'
      ? JSON.stringify(
          figures.map((f) => ({
            module: f.module,
            key: f.key,
            label: f.label,
            value: f.value,
            unit: f.unit,
            prose: f.prose,
            link: f.link,
            problem: f.problem,
          })),
          null,
          2,
        ) + '\n'
      : toCsv([figureCsvHeader, ...figures.map((f) => figureCsvRow(f, year.label))])
  }

  const kind = args.kind
  if (kind !== 'annual' && kind !== 'subgroup' && kind !== 'cabinet-paper')
    throw new UsageError('Give the kind of report: --kind annual, subgroup or cabinet-paper')
  const format = args.format as DocumentFormat
  if (!(documentFormats as readonly string[]).includes(format))
    throw new UsageError('Give the format: --format html, docx or pdf')
  if (!args.out) throw new UsageError('Give the file to write: --out FILE')

  let group: { id: string; name: string } | null = null
  if (kind === 'subgroup') {
    if (!args.group) throw new UsageError('A subgroup report needs --group "<name>"')
    const [row] = await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(
        and(
          eq(groups.partnershipId, partnership.id),
          eq(groups.kind, 'subgroup'),
          sql`lower(${groups.name}) = lower(${args.group.trim()})`,
        ),
      )
    if (!row) throw new UsageError(`There is no subgroup called “${args.group}”`)
    group = row
  } else if (args.group) throw new UsageError('--group is for subgroup reports only')

  const [existing] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.partnershipId, partnership.id),
        eq(reports.kind, kind === 'subgroup' ? 'subgroup' : 'annual'),
        eq(reports.startYear, year.startYear),
        group ? eq(reports.groupId, group.id) : sql`${reports.groupId} is null`,
      ),
    )
  if (kind === 'cabinet-paper') {
    const report = existing && (await getReport(db, actor, existing.id))
    const paper = report && (await getPaper(db, report))
    if (!paper) throw new UsageError(`The ${year.label} annual report has no cabinet paper yet: draft it in the app`)
    return renderDocument(paperDocumentOf(paper), format, linkBase)
  }
  if (existing) {
    // The report as the app serves it: the approved version once there is one, else the live draft.
    const report = await getReport(db, actor, existing.id)
    const { snapshot, version } = await currentContent(db, registry, report)
    return renderDocument(reportDocument(snapshot, statusLine(report, version)), format, linkBase)
  }
  // No report started for this year: draft one from the records, with every section and no narrative yet.
  const snapshot = await assembleSnapshot(db, registry, partnership.id, {
    title: reportTitle(partnership.name, group?.name ?? null, year),
    year,
    group,
    sections: registry.sections.map((s) => s.name),
    narrative: new Map(),
    previousFigures: null,
  })
  return renderDocument(reportDocument(snapshot, statusLine({ status: 'draft' }, null)), format, linkBase)
}

const args = (() => {
  try {
    return options()
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
})()
if (args.help) {
  console.log(usage)
  process.exit(0)
}
const config = loadConfig(process.env)
configureChromium({ executablePath: config.chromiumPath })
const database = await openDatabase(config.database).catch((error: unknown) => {
  if (!(error instanceof DataDirectoryInUseError)) throw error
  console.error(error.message)
  process.exit(1)
})
try {
  await migrateDatabase(database, config.database)
  const output = await run(database.db, args, config.baseUrl)
  if (args.out) {
    await writeFile(args.out, output)
    console.error(`Wrote ${args.out}`)
  } else process.stdout.write(output)
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`${error.message}\n\n${usage}`)
  process.exitCode = 2
} finally {
  await closePdfBrowser()
  await database.close()
}
