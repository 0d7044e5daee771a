import { parseArgs } from 'node:util'
import { and, eq, sql } from 'drizzle-orm'
import { registry } from '../../app.ts'
import type { Database } from '../../db/index.ts'
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
 * What `npm run report` does, apart from opening the database and writing the file (cli.ts does
 * that): reads the options, and drafts the report, the cabinet paper or the list of figures, exactly
 * as the app would serve them. Importable, so tests call `run` without starting a process.
 */

/** A mistake in the options: the message says what to put right, and the command exits with status 2. */
export class UsageError extends Error {}

export const usage = `Usage:
  npm run report -- --year 2016/17 --kind annual|cabinet-paper|subgroup [--group "<name>"] --format html|docx|pdf --out FILE
  npm run report -- --year 2016/17 --figures --format json|csv [--out FILE]
Options: --partnership CODE chooses the partnership by local authority code when the database holds several.`

export type ReportOptions = ReturnType<typeof parseOptions>

export function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
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

/** The file's content (or the figures), for the options given; a UsageError when they are wrong. */
export async function run(db: Database, args: ReportOptions, linkBase: string) {
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
    throw new UsageError(
      kind
        ? `“${kind}” is not a kind of report: use annual, subgroup or cabinet-paper`
        : 'Give the kind of report: --kind annual, subgroup or cabinet-paper',
    )
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
    if (!row) {
      // Name the ones there are, so a typo is put right without opening the app.
      const known = await db
        .select({ name: groups.name })
        .from(groups)
        .where(and(eq(groups.partnershipId, partnership.id), eq(groups.kind, 'subgroup')))
        .orderBy(groups.name)
      throw new UsageError(
        `There is no subgroup called “${args.group}”: ${
          known.length ? `the subgroups are ${known.map((g) => g.name).join('; ')}` : 'the partnership has no subgroups'
        }`,
      )
    }
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
