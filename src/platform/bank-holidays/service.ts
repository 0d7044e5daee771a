import { and, asc, eq, gte, lt } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { insertAudited } from '../audited-writes.ts'
import { NotFoundError, StaleEditError, ValidationError } from '../errors.ts'
import type { Actor } from '../permissions.ts'
import { workingDayChanges } from '../schema.ts'
import { englandAndWalesBankHolidays, isWeekend } from '../working-days.ts'
import { dayWithWeekday } from '../views.ts'

/**
 * A partnership's bank holidays: the built-in England and Wales table (working-days.ts) with the
 * partnership's own changes — a day added as a holiday, or a table holiday kept as a working day.
 * Every clock counted in working days reads the result through `partnershipCalendar`.
 */

export type ChangeKind = (typeof workingDayChanges.$inferSelect)['kind']
export type WorkingDayChange = typeof workingDayChanges.$inferSelect

/** Where a day in the list comes from. */
export type HolidaySource = 'table' | 'added' | 'working-day'

export interface BankHolidayRow {
  day: string
  /** The holiday's name (for a day kept as a working day, the table's name). */
  name: string
  source: HolidaySource
  /** The partnership's change behind the row, if any: what can be removed. */
  change: { id: string; version: number; name: string } | null
}

const tableHolidays = new Map(englandAndWalesBankHolidays.map(([day, name]) => [day, name]))

/** The table's name for a day, or null. */
export const tableHoliday = (day: string) => tableHolidays.get(day) ?? null

/** The partnership's changes, in date order; within one calendar year when `year` is given. */
export function listChanges(db: Database, partnershipId: string, year?: number) {
  return db
    .select()
    .from(workingDayChanges)
    .where(
      and(
        eq(workingDayChanges.partnershipId, partnershipId),
        year === undefined ? undefined : gte(workingDayChanges.day, `${year}-01-01`),
        year === undefined ? undefined : lt(workingDayChanges.day, `${year + 1}-01-01`),
      ),
    )
    .orderBy(asc(workingDayChanges.day))
}

/**
 * A calendar year's bank holidays as the partnership keeps them: the table's, the days it added,
 * and the table's days it keeps as working days (listed, so the page says why they count).
 */
export async function bankHolidaysIn(db: Database, partnershipId: string, year: number): Promise<BankHolidayRow[]> {
  const changes = new Map((await listChanges(db, partnershipId, year)).map((c) => [c.day, c]))
  const rows: BankHolidayRow[] = []
  for (const [day, name] of englandAndWalesBankHolidays) {
    if (!day.startsWith(`${year}-`)) continue
    const change = changes.get(day)
    // A day the partnership added that the table has since gained is listed once, as added.
    if (change?.kind === 'holiday') continue
    rows.push({ day, name, source: change ? 'working-day' : 'table', change: change ? changeRef(change) : null })
  }
  for (const change of changes.values())
    if (change.kind === 'holiday')
      rows.push({ day: change.day, name: change.name, source: 'added', change: changeRef(change) })
  return rows.sort((a, b) => a.day.localeCompare(b.day))
}

const changeRef = (change: WorkingDayChange) => ({ id: change.id, version: change.version, name: change.name })

export async function getChange(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(workingDayChanges)
    .where(and(eq(workingDayChanges.partnershipId, partnershipId), eq(workingDayChanges.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

/** The date field's error key (a GOV.UK date input reports on its day field). */
export const dayField = 'day-day'

/** A weekend is never a working day, so it cannot be added as a holiday, whatever else is on record. */
export function weekendProblem(kind: ChangeKind, day: string) {
  return kind === 'holiday' && isWeekend(day)
    ? `${dayWithWeekday(day)} is a weekend day, so it is already not a working day`
    : null
}

/**
 * Why a change cannot be made on this day, or null: a weekend is never a working day, a holiday
 * cannot be added twice, only a table holiday can be kept as a working day, and a day holds one
 * change at most (remove it first).
 */
export function changeProblem(kind: ChangeKind, day: string, existing: WorkingDayChange | null): string | null {
  const weekend = weekendProblem(kind, day)
  if (weekend) return weekend
  const when = dayWithWeekday(day)
  if (existing?.kind === 'working-day')
    return kind === 'working-day'
      ? `${when} is already kept as a working day`
      : `${when} is kept as a working day. Remove that change to make it a bank holiday again`
  if (existing?.kind === 'holiday')
    return kind === 'holiday'
      ? `${when} is already a bank holiday: ${existing.name}`
      : `${when} was added as a bank holiday by the partnership. Remove that change instead`
  const inTable = tableHoliday(day)
  if (kind === 'holiday') return inTable ? `${when} is already a bank holiday: ${inTable}` : null
  return inTable ? null : `${when} is not a bank holiday in England and Wales`
}

async function changeOn(db: Database, partnershipId: string, day: string) {
  const [row] = await db
    .select()
    .from(workingDayChanges)
    .where(and(eq(workingDayChanges.partnershipId, partnershipId), eq(workingDayChanges.day, day)))
  return row ?? null
}

export interface ChangeInput {
  day: string
  /** The holiday's name, or why a table holiday is a working day here. */
  name: string
}

const summaries: Record<ChangeKind, (input: ChangeInput) => string> = {
  holiday: (input) => `Added ${dayWithWeekday(input.day)} as a bank holiday (${input.name})`,
  'working-day': (input) => `Kept ${dayWithWeekday(input.day)} as a working day (${input.name})`,
}

/** Adds a day as a bank holiday, or keeps a table holiday as a working day; a ValidationError says why not. */
export async function addChange(db: Database, actor: Actor, kind: ChangeKind, input: ChangeInput) {
  const problem = changeProblem(kind, input.day, await changeOn(db, actor.partnershipId, input.day))
  if (problem) throw new ValidationError({ [dayField]: problem })
  return insertAudited(
    db,
    actor,
    workingDayChanges,
    { day: input.day, kind, name: input.name },
    {
      recordType: 'working-day-change',
      summary: summaries[kind](input),
      // Two people saving the same day at once: the second is told as if they had checked first.
      conflict: { [dayField]: `${dayWithWeekday(input.day)} already has a change. Remove it first` },
    },
  )
}

/** Removes a change at the version the confirmation page showed; the day goes back to the table's. */
export async function removeChange(db: Database, actor: Actor, id: string, version: number) {
  const change = await getChange(db, actor.partnershipId, id)
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(workingDayChanges)
      .where(
        and(
          eq(workingDayChanges.id, id),
          eq(workingDayChanges.partnershipId, actor.partnershipId),
          eq(workingDayChanges.version, version),
        ),
      )
      .returning({ id: workingDayChanges.id })
    if (!removed.length) throw new StaleEditError()
    await recordAudit(tx, actor, {
      action: 'deleted',
      recordType: 'working-day-change',
      recordId: id,
      summary: `Removed the change to ${dayWithWeekday(change.day)}: it is as the England and Wales table has it`,
      before: { day: change.day, kind: change.kind, name: change.name },
    })
  })
  return change
}
