import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudits, type AuditEntry } from '../../../platform/audit.ts'
import type { ImportBatchRef } from '../../../platform/imports/definition.ts'
import { defineImport } from '../../../platform/imports/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { sortNameFor } from '../../partnership/people/sort-name.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { dslJobTitle, parseSchool, planSchools, type PlannedSchool, type SchoolColumn, type SchoolRow } from './plan.ts'

/**
 * The list of schools, through the platform's import pipeline (src/platform/imports/): each row a
 * school or college by its URN, made an agency of type `school` or brought up to date (the name may
 * change; the URN does not), and its designated safeguarding lead a directory person at the school,
 * changed in place when the file names another. All or nothing; every record written is audited.
 */
export const schoolHeaders = ['URN', 'School name', 'Designated safeguarding lead', 'DSL email'] as const

export const schoolsImport = defineImport<SchoolRow, SchoolColumn>({
  kind: 'assurance-schools',
  label: 'Schools and colleges',
  columns: [
    {
      key: 'urn',
      header: schoolHeaders[0],
      aliases: ['Unique reference number'],
      required: true,
      hint: 'The school’s unique reference number from Get Information about Schools: 6 digits, like 123456',
    },
    {
      key: 'name',
      header: schoolHeaders[1],
      aliases: ['School', 'Establishment name', 'Name'],
      required: true,
      hint: 'Each name must differ: add the town where two schools share a name',
    },
    {
      key: 'dslName',
      header: schoolHeaders[2],
      aliases: ['DSL', 'DSL name', 'Designated safeguarding lead name'],
      hint: 'Optional: the lead’s name, kept in the directory as a person at the school',
    },
    {
      key: 'dslEmail',
      header: schoolHeaders[3],
      aliases: ['Designated safeguarding lead email', 'DSL email address'],
      hint: 'Optional: where the schools’ audit sends the school’s link',
    },
  ],
  parseRow: (values) => parseSchool(values),
  async check(db, actor, rows) {
    const plan = planSchools(
      rows,
      await schoolsDirectory(
        db,
        actor.partnershipId,
        rows.map((r) => r.row),
      ),
    )
    return { errors: plan.errors }
  },
  async apply(tx, actor, rows, batch) {
    const lines = rows.map((row, index) => ({ line: index + 2, row }))
    const plan = planSchools(lines, await schoolsDirectory(tx, actor.partnershipId, rows))
    // Checked before it was confirmed; the directory may have changed since.
    if (plan.errors.length) throw new Error(`The schools file no longer fits the directory: ${plan.errors[0]!.problem}`)
    return applySchools(tx, actor, plan.schools, batch)
  },
})

/** The agencies, the schools' current leads, and the people holding the file's emails. */
async function schoolsDirectory(db: Database, partnershipId: string, rows: SchoolRow[]) {
  const emails = [...new Set(rows.map((r) => r.dslEmail).filter((e): e is string => !!e))]
  const [all, leads, holders] = await Promise.all([
    db
      .select({
        id: agencies.id,
        name: agencies.name,
        type: agencies.type,
        urn: agencies.urn,
        active: agencies.active,
        version: agencies.version,
      })
      .from(agencies)
      .where(eq(agencies.partnershipId, partnershipId)),
    currentLeads(db, partnershipId),
    emails.length
      ? db
          .select({ id: people.id, email: sql<string>`${people.email}` })
          .from(people)
          .where(and(eq(people.partnershipId, partnershipId), inArray(sql`lower(${people.email})`, emails)))
      : [],
  ])
  return { agencies: all, leads, emails: holders }
}

/** Each school's designated safeguarding lead now: the first by name if the directory holds two. */
export function currentLeads(db: Database, partnershipId: string) {
  return db
    .selectDistinctOn([people.agencyId], {
      id: people.id,
      agencyId: sql<string>`${people.agencyId}`.as('agency_id'),
      name: people.name,
      email: people.email,
      version: people.version,
    })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.agencyId))
    .where(
      and(
        eq(people.partnershipId, partnershipId),
        eq(agencies.type, 'school'),
        eq(people.jobTitle, dslJobTitle),
        isNull(people.leftOn),
        isNull(people.erasedAt),
        isNotNull(people.agencyId),
      ),
    )
    .orderBy(people.agencyId, people.name)
}

const chunked = <T>(items: T[], size = 1_000) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** Writes the plan in the import's transaction: new schools and leads in bulk, changes one by one. */
async function applySchools(tx: Database, actor: Actor, planned: PlannedSchool[], batch: ImportBatchRef) {
  const partnershipId = actor.partnershipId
  const from = `(from ${batch.fileName})`
  const entries: AuditEntry[] = []
  const schoolIds = new Map<string, string>()
  for (const p of planned) if (p.school) schoolIds.set(p.row.urn, p.school.id)

  const added = planned.filter((p) => !p.school).map((p) => p.row)
  for (const chunk of chunked(added)) {
    const values = chunk.map((row) => ({ partnershipId, name: row.name, type: 'school' as const, urn: row.urn }))
    const inserted = await tx.insert(agencies).values(values).returning({ id: agencies.id, urn: agencies.urn })
    for (const { id, urn } of inserted) {
      const row = chunk.find((r) => r.urn === urn)!
      schoolIds.set(urn!, id)
      entries.push({
        action: 'created',
        recordType: 'agency',
        recordId: id,
        summary: `Added the school ${row.name} ${from}`,
        after: { name: row.name, type: 'school', urn },
      })
    }
  }
  for (const { school, row } of planned.filter((p) => p.schoolChanged)) {
    await tx
      .update(agencies)
      .set({ name: row.name, active: true, version: sql`${agencies.version} + 1`, updatedAt: new Date() })
      .where(eq(agencies.id, school!.id))
    entries.push({
      action: 'updated',
      recordType: 'agency',
      recordId: school!.id,
      summary: `Changed the school ${row.name} ${from}`,
      before: { name: school!.name, active: school!.active },
      after: { name: row.name, active: true },
    })
  }

  const newLeads = planned.filter((p) => p.row.dslName && !p.lead).map((p) => p.row)
  for (const chunk of chunked(newLeads)) {
    const values = chunk.map((row) => ({
      partnershipId,
      name: row.dslName!,
      sortName: sortNameFor(row.dslName!),
      jobTitle: dslJobTitle,
      agencyId: schoolIds.get(row.urn)!,
      email: row.dslEmail,
    }))
    const inserted = await tx.insert(people).values(values).returning({ id: people.id, agencyId: people.agencyId })
    for (const [index, { id, agencyId }] of inserted.entries()) {
      const row = chunk[index]!
      entries.push({
        action: 'created',
        recordType: 'person',
        recordId: id,
        summary: `Added ${row.dslName}, designated safeguarding lead at ${row.name} ${from}`,
        related: [{ recordType: 'agency', recordId: agencyId! }],
        after: { ...values[index], agency: row.name },
      })
    }
  }
  for (const { lead, row } of planned.filter((p) => p.leadChanged)) {
    const set = { name: row.dslName!, sortName: sortNameFor(row.dslName!), email: row.dslEmail }
    await tx
      .update(people)
      .set({ ...set, version: sql`${people.version} + 1`, updatedAt: new Date() })
      .where(eq(people.id, lead!.id))
    entries.push({
      action: 'updated',
      recordType: 'person',
      recordId: lead!.id,
      summary: `Changed the designated safeguarding lead at ${row.name} ${from}`,
      related: [{ recordType: 'agency', recordId: lead!.agencyId }],
      before: { name: lead!.name, email: lead!.email },
      after: { name: set.name, email: set.email },
    })
  }
  await recordAudits(tx, actor, entries)
  const replaced = planned.filter(
    (p) => p.school && (p.schoolChanged || p.leadChanged || (p.row.dslName && !p.lead)),
  ).length
  return { added: added.length, replaced, unchanged: planned.length - added.length - replaced }
}
