import { and, asc, count, countDistinct, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencies } from '../../partnership/schema.ts'
import { agencyAliases, elearningCompletions } from '../schema.ts'

/**
 * Agency names as e-learning platforms write them ("Oxon CC", "oxfordshire county council "),
 * matched to the directory: by the agency's own name, or by an alias the business unit saved when
 * it resolved the name once. A completion keeps the name its file gave, and its agency once known.
 */

/** How names compare: spaces trimmed and collapsed, case ignored. The aliases table keeps this form. */
export function agencyKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The name as a completion keeps it: spaces trimmed and collapsed, case as written. */
export function tidyAgencyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ')
}

/** Every name the directory answers to, by agencyKey: agencies' own names first, then the aliases. */
export async function agencyLookup(db: Database, partnershipId: string): Promise<Map<string, string>> {
  const [named, aliased] = await Promise.all([
    db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.partnershipId, partnershipId)),
    db
      .select({ id: agencyAliases.agencyId, name: agencyAliases.alias })
      .from(agencyAliases)
      .where(eq(agencyAliases.partnershipId, partnershipId)),
  ])
  const lookup = new Map<string, string>()
  for (const { id, name } of aliased) lookup.set(agencyKey(name), id)
  for (const { id, name } of named) lookup.set(agencyKey(name), id)
  return lookup
}

export interface UnmatchedAgency {
  /** agencyKey of the name: what the form sends back. */
  key: string
  /** The name as most files wrote it. */
  name: string
  completions: number
  learners: number
}

const keyOf = sql<string>`lower(${elearningCompletions.agencyName})`

/** The names on completions that no directory agency answers to, most completions first. */
export async function unmatchedAgencies(db: Database, actor: Actor): Promise<UnmatchedAgency[]> {
  const rows = await db
    .select({
      key: keyOf,
      name: sql<string>`mode() within group (order by ${elearningCompletions.agencyName})`,
      completions: count(),
      learners: countDistinct(elearningCompletions.learnerId),
    })
    .from(elearningCompletions)
    .where(and(eq(elearningCompletions.partnershipId, actor.partnershipId), isNull(elearningCompletions.agencyId)))
    .groupBy(keyOf)
    .orderBy(sql`count(*) desc`, asc(keyOf))
  return rows.map((row) => ({ ...row, completions: Number(row.completions), learners: Number(row.learners) }))
}

/**
 * Says which directory agency a name means: saves the alias (so later imports match it) and sets
 * the agency on every completion with that name, audited, in one transaction. Returns how many
 * completions it matched.
 */
export async function resolveAgency(db: Database, actor: Actor, name: string, agencyId: string): Promise<number> {
  const key = agencyKey(name)
  if (!key) throw new ValidationError({ agencyId: 'Select an agency from the list' })
  return db.transaction(async (tx) => {
    const [agency] = await tx
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(and(eq(agencies.id, agencyId), eq(agencies.partnershipId, actor.partnershipId)))
    if (!agency) throw new ValidationError({ agencyId: 'Select an agency from the list' })
    const [before] = await tx
      .select({ agency: agencies.name })
      .from(agencyAliases)
      .innerJoin(agencies, eq(agencies.id, agencyAliases.agencyId))
      .where(and(eq(agencyAliases.partnershipId, actor.partnershipId), eq(agencyAliases.alias, key)))
    await tx
      .insert(agencyAliases)
      .values({ partnershipId: actor.partnershipId, alias: key, agencyId })
      .onConflictDoUpdate({
        target: [agencyAliases.partnershipId, agencyAliases.alias],
        set: { agencyId, updatedAt: sql`now()` },
      })
    const matched = await tx
      .update(elearningCompletions)
      .set({ agencyId })
      .where(
        and(
          eq(elearningCompletions.partnershipId, actor.partnershipId),
          isNull(elearningCompletions.agencyId),
          sql`${keyOf} = ${key}`,
        ),
      )
      .returning({ id: elearningCompletions.id })
    await recordAudit(tx, actor, {
      action: before ? 'updated' : 'created',
      recordType: 'learning-agency-alias',
      recordId: key,
      summary: `Matched “${tidyAgencyName(name)}” in e-learning completions to ${agency.name}`,
      related: [{ recordType: 'agency', recordId: agencyId }],
      before: before ? { agency: before.agency } : undefined,
      after: { alias: key, agency: agency.name, completions: matched.length },
    })
    return matched.length
  })
}

/** A saved alias, for the banner after matching: the name as completions write it, its agency, and its completions. */
export async function resolvedAlias(db: Database, actor: Actor, key: string) {
  const [alias] = await db
    .select({ agencyId: agencyAliases.agencyId, agency: agencies.name })
    .from(agencyAliases)
    .innerJoin(agencies, eq(agencies.id, agencyAliases.agencyId))
    .where(and(eq(agencyAliases.partnershipId, actor.partnershipId), eq(agencyAliases.alias, agencyKey(key))))
  if (!alias) return null
  const [row] = await db
    .select({ name: sql<string | null>`min(${elearningCompletions.agencyName})`, completions: count() })
    .from(elearningCompletions)
    .where(
      and(
        eq(elearningCompletions.partnershipId, actor.partnershipId),
        eq(elearningCompletions.agencyId, alias.agencyId),
        sql`${keyOf} = ${agencyKey(key)}`,
      ),
    )
  return { name: row?.name ?? key, agency: alias.agency, completions: Number(row?.completions ?? 0) }
}
