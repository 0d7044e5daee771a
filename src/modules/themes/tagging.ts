import { and, asc, eq, getTableColumns, inArray, or } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Database } from '../../db/index.ts'
import { ValidationError } from '../../platform/errors.ts'
import { themes } from './schema.ts'

/**
 * What other modules use to tag their records with themes (courses now; case reviews, audits and
 * resources later). Each keeps its own join table; README.md shows the pattern.
 */

export interface ThemeOption {
  id: string
  name: string
  description: string | null
  active: boolean
}

/** The themes a form offers: every active one, and any retired one the record already has, by name. */
export function themeOptions(
  db: Database,
  partnershipId: string,
  options: { includeIds?: readonly string[] } = {},
): Promise<ThemeOption[]> {
  const kept = (options.includeIds ?? []).filter(isUuid)
  return db
    .select({ id: themes.id, name: themes.name, description: themes.description, active: themes.active })
    .from(themes)
    .where(
      and(
        eq(themes.partnershipId, partnershipId),
        kept.length ? or(eq(themes.active, true), inArray(themes.id, kept)) : eq(themes.active, true),
      ),
    )
    .orderBy(asc(themes.name))
}

/**
 * The items of a govukCheckboxes (`name: "themeIds"`). Given `selected` (saved ids, or the posted
 * value: one id, several or nothing), each item says whether it is ticked; without it, none does,
 * and the macro's `values: values.themeIds` ticks them, so one list serves a fresh form and a
 * form shown again with its errors.
 */
export function themeCheckboxItems(options: readonly ThemeOption[], selected?: unknown) {
  const ticked = selected === undefined ? null : new Set(postedIds(selected))
  return options.map((theme) => ({
    value: theme.id,
    text: theme.name,
    ...(ticked && { checked: ticked.has(theme.id) }),
    ...(!theme.active && { hint: { text: 'Retired: kept because this record has it, but no longer offered' } }),
  }))
}

const isUuid = (value: string) => z.uuid().safeParse(value).success

function postedIds(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return []
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')
}

const notAChoice = 'Select themes from the list'

/**
 * The form field for themes, posted by checkboxes as one value, several or none: a list of distinct
 * theme ids (empty when none is ticked). Add it to a schema as `{ themeIds }`. Whether each id is
 * one of the partnership's themes is for `validateThemeIds`, which needs the database.
 */
export const themeIds = z
  .unknown()
  // Optional, or a form posting no box at all (none ticked) fails inside z.object.
  .optional()
  .transform(postedIds)
  .refine((ids) => ids.length <= 100 && ids.every(isUuid), notAChoice)
  .transform((ids) => [...new Set(ids)])

/**
 * Checks that every id is one of the partnership's themes, and active unless the record already
 * had it (`kept`: its theme ids as saved); throws a ValidationError on `field` otherwise. Returns
 * the themes, in name order, for the audit row ("themes: Neglect, Online safety").
 */
export async function validateThemeIds(
  db: Database,
  partnershipId: string,
  ids: readonly string[],
  options: { kept?: readonly string[]; field?: string } = {},
): Promise<{ id: string; name: string }[]> {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return []
  if (!wanted.every(isUuid)) throw new ValidationError({ [options.field ?? 'themeIds']: notAChoice })
  const found = await db
    .select({ id: themes.id, name: themes.name, active: themes.active })
    .from(themes)
    .where(and(eq(themes.partnershipId, partnershipId), inArray(themes.id, wanted)))
    .orderBy(asc(themes.name))
  const kept = new Set(options.kept ?? [])
  const usable = found.filter((t) => t.active || kept.has(t.id))
  if (usable.length !== wanted.length) throw new ValidationError({ [options.field ?? 'themeIds']: notAChoice })
  return usable.map(({ id, name }) => ({ id, name }))
}

/** The themes' names, in name order, for pages and audit rows. Ids that are not themes are left out. */
export async function themeNames(db: Database, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)].filter(isUuid)
  if (!wanted.length) return []
  const rows = await db
    .select({ name: themes.name })
    .from(themes)
    .where(inArray(themes.id, wanted))
    .orderBy(asc(themes.name))
  return rows.map((r) => r.name)
}

/** A module's join table from its records to themes: its own record column, `partnershipId` and `themeId`. */
export type ThemeTagTable = PgTable & { partnershipId: PgColumn; themeId: PgColumn }

/**
 * Replaces one record's themes in its module's join table: deletes its rows there and inserts one
 * per chosen theme. Call it inside the transaction that saves the record (insertAudited's or
 * updateAudited's `alsoWrite`), with ids already checked by `validateThemeIds`.
 */
export async function replaceThemeTags<T extends ThemeTagTable>(
  tx: Database,
  tag: { table: T; record: PgColumn },
  partnershipId: string,
  recordId: string,
  ids: readonly string[],
) {
  const { table, record } = tag
  const recordKey = Object.entries(getTableColumns(table)).find(([, column]) => column === record)?.[0]
  if (!recordKey) throw new Error(`${record.name} is not a column of the theme tag table`)
  await tx.delete(table).where(and(eq(record, recordId), eq(table.partnershipId, partnershipId)))
  const wanted = [...new Set(ids)]
  if (!wanted.length) return
  // The one cast: Drizzle cannot type an insert whose record column is named by the caller.
  await tx.insert(table).values(wanted.map((themeId) => ({ [recordKey]: recordId, partnershipId, themeId })) as never)
}

/**
 * The themes of several records in a module's join table (id and name, in name order), by record
 * id: for a page listing the records with their tags, and the records behind a figure.
 */
export async function themesOfRecords<T extends ThemeTagTable>(
  db: Database,
  tag: { table: T; record: PgColumn },
  recordIds: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const byRecord = new Map<string, { id: string; name: string }[]>()
  if (!recordIds.length) return byRecord
  const rows = await db
    .select({ recordId: tag.record, id: themes.id, name: themes.name })
    .from(tag.table as PgTable)
    .innerJoin(themes, eq(themes.id, tag.table.themeId))
    .where(inArray(tag.record, [...recordIds]))
    .orderBy(asc(themes.name))
  for (const row of rows) {
    const list = byRecord.get(row.recordId as string) ?? []
    list.push({ id: row.id, name: row.name })
    byRecord.set(row.recordId as string, list)
  }
  return byRecord
}
