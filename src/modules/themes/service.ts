import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { insertAudited, updateAudited } from '../../platform/audited-writes.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { Actor } from '../../platform/permissions.ts'
import { defaultThemes, type DefaultTheme } from './defaults.ts'
import { themes } from './schema.ts'

/** The taxonomy itself: list, add, change, retire and reinstate. Every query is filtered by the actor's partnership. */

export interface ThemeInput {
  name: string
  description: string | null
}

export interface ThemeFilter {
  status?: 'active' | 'retired'
  sort: 'name' | 'status' | 'updated'
  direction: 'asc' | 'desc'
}

export function listThemes(db: Database, actor: Actor, filter: ThemeFilter) {
  const column = { name: themes.name, status: themes.active, updated: themes.updatedAt }[filter.sort]
  // Active before retired when sorted by status ascending (true sorts after false).
  const ascending = filter.sort === 'status' ? filter.direction === 'desc' : filter.direction === 'asc'
  return db
    .select()
    .from(themes)
    .where(
      and(
        eq(themes.partnershipId, actor.partnershipId),
        filter.status ? eq(themes.active, filter.status === 'active') : undefined,
      ),
    )
    .orderBy(ascending ? asc(column) : desc(column), asc(themes.name))
}

export async function getTheme(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(themes)
    .where(and(eq(themes.partnershipId, partnershipId), eq(themes.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

const duplicate = { name: 'There is already a theme with this name' }

export function createTheme(db: Database, actor: Actor, input: ThemeInput) {
  return insertAudited(
    db,
    actor,
    themes,
    { ...input, active: true },
    { recordType: 'theme', summary: `Added theme ${input.name}`, conflict: duplicate },
  )
}

export async function updateTheme(db: Database, actor: Actor, id: string, version: number, input: ThemeInput) {
  const before = await getTheme(db, actor.partnershipId, id)
  return updateAudited(
    db,
    actor,
    themes,
    { id, version, before, set: input },
    { recordType: 'theme', summary: `Changed theme ${input.name}`, conflict: duplicate },
  )
}

/** Retires a theme (no longer offered for tagging; records keep it) or reinstates it. */
export async function setThemeActive(db: Database, actor: Actor, id: string, version: number, active: boolean) {
  const before = await getTheme(db, actor.partnershipId, id)
  return updateAudited(
    db,
    actor,
    themes,
    { id, version, before, set: { active } },
    {
      recordType: 'theme',
      action: active ? 'reinstated' : 'retired',
      summary: `${active ? 'Reinstated' : 'Retired'} theme ${before.name}`,
    },
  )
}

/** Gives a partnership the default themes (or others), each audited; those it already has by name are left alone. */
export async function addDefaultThemes(db: Database, actor: Actor, list: readonly DefaultTheme[] = defaultThemes) {
  const existing = new Set(
    (await db.select({ name: themes.name }).from(themes).where(eq(themes.partnershipId, actor.partnershipId))).map(
      (t) => t.name.toLowerCase(),
    ),
  )
  for (const theme of list) if (!existing.has(theme.name.toLowerCase())) await createTheme(db, actor, theme)
}
