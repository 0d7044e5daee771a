import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { defineImport, insertInChunks, type RowProblem } from '../../../platform/imports/index.ts'
import { londonParts } from '../../../platform/london-time.ts'
import { normaliseEmail } from '../learners/identity.ts'
import { learners } from '../schema.ts'
import { agencyKey, agencyLookup, tidyAgencyName } from './agencies.ts'
import { parseCompletionDate } from './dates.ts'

/**
 * E-learning completions, imported from the e-learning platform's export (name, email, agency,
 * module, completion date) through the platform's import pipeline (src/platform/imports/). The
 * same learner, module and day is one completion, in the file or across files, so re-importing
 * adds nothing; learners are found or made by normalised email, as bookings find them.
 */
export type CompletionColumn = 'name' | 'email' | 'agency' | 'module' | 'completedOn'

export interface CompletionRow {
  name: string
  /** Normalised (learners/identity.ts). */
  email: string
  /** As the file gave it, spaces tidied. */
  agency: string
  module: string
  /** ISO date. */
  completedOn: string
}

export const earliestCompletion = '1990-01-01'
const emailShape = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/

/** Today in the UK, worked out at most once a minute: a file of 100,000 rows asks 100,000 times. */
const today = { value: '', until: 0 }
function ukToday() {
  const now = Date.now()
  if (now >= today.until) Object.assign(today, { value: londonParts(new Date(now)).date, until: now + 60_000 })
  return today.value
}

export function parseCompletion(values: Record<CompletionColumn, string>) {
  const errors: RowProblem<CompletionColumn>[] = []
  const tooLong = (column: CompletionColumn, label: string, max: number) => {
    if (values[column].length > max)
      errors.push({ column, problem: `${label} must be ${max.toLocaleString('en-GB')} characters or less` })
  }
  tooLong('name', 'Name', 200)
  const email = normaliseEmail(values.email)
  if (email.length > 320 || !emailShape.test(email))
    errors.push({ column: 'email', problem: 'Enter an email address in the correct format, like name@example.com' })
  tooLong('agency', 'Agency', 200)
  tooLong('module', 'Module', 300)
  const completedOn = parseCompletionDate(values.completedOn)
  if (!completedOn)
    errors.push({ column: 'completedOn', problem: 'Completion date must be a real date, like 31/03/2017' })
  else if (completedOn > ukToday())
    errors.push({ column: 'completedOn', problem: 'Completion date must be today or in the past' })
  else if (completedOn < earliestCompletion)
    errors.push({ column: 'completedOn', problem: 'Completion date must be 1 January 1990 or later' })
  if (errors.length) return { errors }
  const row: CompletionRow = {
    name: values.name.replace(/\s+/g, ' '),
    email,
    agency: tidyAgencyName(values.agency),
    module: values.module.replace(/\s+/g, ' '),
    completedOn: completedOn!,
  }
  return { row }
}

/** One completion's identity, as the table's unique index has it. */
const completionKey = (row: CompletionRow) => `${row.email}\u0000${row.module.toLowerCase()}\u0000${row.completedOn}`

/** Names not in the directory, each with how many rows give it, most first. */
export function unknownAgencies(rows: CompletionRow[], lookup: Map<string, string>) {
  const unknown = new Map<string, { name: string; rows: number }>()
  for (const row of rows) {
    const key = agencyKey(row.agency)
    if (lookup.has(key)) continue
    const seen = unknown.get(key)
    if (seen) seen.rows++
    else unknown.set(key, { name: row.agency, rows: 1 })
  }
  return [...unknown.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name))
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export const completionsImport = defineImport<CompletionRow, CompletionColumn>({
  kind: 'learning-completions',
  label: 'E-learning completions',
  columns: [
    { key: 'name', header: 'Name', aliases: ['Learner name', 'Full name', 'Learner'], required: true },
    {
      key: 'email',
      header: 'Email',
      aliases: ['Email address', 'Learner email', 'Work email'],
      required: true,
      hint: 'The learner’s email address: it says who they are',
    },
    {
      key: 'agency',
      header: 'Agency',
      aliases: ['Organisation', 'Organization', 'Organisation name', 'Employer', 'Agency name'],
      required: true,
      hint: 'Matched to the directory’s agencies by name',
    },
    {
      key: 'module',
      header: 'Module',
      aliases: ['Course', 'Course name', 'Course title', 'Module name', 'E-learning module'],
      required: true,
    },
    {
      key: 'completedOn',
      header: 'Completion date',
      aliases: ['Date completed', 'Completed on', 'Completed', 'Date of completion'],
      required: true,
      hint: 'For example, 31/03/2017 or 2017-03-31',
    },
  ],
  parseRow: parseCompletion,
  async check(db, actor, lineRows) {
    const rows = lineRows.map((r) => r.row)
    const notes: string[] = []
    const distinct = new Set(rows.map(completionKey)).size
    if (distinct < rows.length)
      notes.push(
        `${plural(rows.length - distinct, 'row repeats', 'rows repeat')} a completion earlier in the file (the same email, module and day): each completion is imported once.`,
      )
    const unknown = unknownAgencies(rows, await agencyLookup(db, actor.partnershipId))
    if (unknown.length) {
      const listed = unknown
        .slice(0, 20)
        .map((a) => `${a.name} (${plural(a.rows, 'row', 'rows')})`)
        .join(', ')
      const more = unknown.length > 20 ? ` and ${plural(unknown.length - 20, 'other', 'others')}` : ''
      notes.push(
        `${plural(unknown.length, 'agency name is', 'agency names are')} not in the directory: ${listed}${more}. The completions are imported; match the names to agencies afterwards.`,
      )
    }
    return { notes }
  },
  apply: (tx, actor, rows, batch) => applyCompletions(tx, actor.partnershipId, rows, batch.id),
})

/**
 * Writes the completions inside the caller's transaction, in a few statements whatever the size:
 * new learners in bulk (an existing learner is left as they are), then the completions, each chunk
 * one INSERT … SELECT joining the rows to their learners, skipping completions already held.
 */
export async function applyCompletions(
  tx: Database,
  partnershipId: string,
  rows: CompletionRow[],
  importBatchId: string | null,
  chunkSize = 20_000,
): Promise<{ added: number; unchanged: number }> {
  const lookup = await agencyLookup(tx, partnershipId)
  const unique = new Map<string, CompletionRow>()
  const people = new Map<string, CompletionRow>()
  for (const row of rows) {
    const key = completionKey(row)
    if (!unique.has(key)) unique.set(key, row)
    if (!people.has(row.email)) people.set(row.email, row)
  }
  await insertInChunks(
    tx,
    learners,
    [...people.values()].map((row) => {
      const agencyId = lookup.get(agencyKey(row.agency)) ?? null
      return { partnershipId, email: row.email, name: row.name, agencyId, agencyOther: agencyId ? null : row.agency }
    }),
    { skipConflicts: true, chunkSize },
  )
  const completions = [...unique.values()]
  let added = 0
  for (let start = 0; start < completions.length; start += chunkSize) {
    const chunk = completions.slice(start, start + chunkSize)
    const result = await tx.execute(sql`
      with added as (
        insert into elearning_completions
          (partnership_id, learner_id, module_name, completed_on, agency_name, agency_id, import_batch_id)
        select ${partnershipId}::uuid, l.id, r.module_name, r.completed_on, r.agency_name, r.agency_id, ${importBatchId}::uuid
        from unnest(
          ${sql.param(chunk.map((r) => r.email))}::text[],
          ${sql.param(chunk.map((r) => r.module))}::text[],
          ${sql.param(chunk.map((r) => r.completedOn))}::date[],
          ${sql.param(chunk.map((r) => r.agency))}::text[],
          ${sql.param(chunk.map((r) => lookup.get(agencyKey(r.agency)) ?? null))}::uuid[]
        ) as r(email, module_name, completed_on, agency_name, agency_id)
        join learners l on l.partnership_id = ${partnershipId}::uuid and l.email = r.email
        on conflict do nothing
        returning 1
      )
      select count(*)::int as added from added`)
    added += Number(rowsOf<{ added: number }>(result)[0]?.added ?? 0)
  }
  return { added, unchanged: rows.length - added }
}

/** Rows of tx.execute on either driver: pg gives { rows }, PGlite's drizzle gives { rows } too, older ones an array. */
function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[]
  return Array.isArray(r) ? r : (r.rows ?? [])
}
