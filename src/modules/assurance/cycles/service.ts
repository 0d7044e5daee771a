import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { isConflict, updateAudited } from '../../../platform/audited-writes.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { users } from '../../../platform/schema.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { applyReturnAccess, auditGroupId, returnRecordType } from '../access.ts'
import {
  auditCycles,
  auditFrameworks,
  auditReturns,
  frameworkVersions,
  type AuditCycle,
  type FrameworkKind,
} from '../audit-schema.ts'
import { currentVersion } from '../frameworks/versions.ts'

/**
 * Audit cycles: a framework version sent to the agencies (or schools) taking part, with open and
 * due dates and reminders. A return per agency is created with the cycle, not when it opens: the
 * overview lists every agency from the start, an agency lead sees the return coming, and adding an
 * agency later is the same write (refused by the unique index when it already has one).
 */
export const cycleRecordType = 'audit-cycle'

export interface CycleInput {
  name: string
  startYear: number
  opensOn: string
  dueOn: string
  remindDaysBefore: number[]
  remindDaysAfter: number[]
}

/** The agencies a framework of a kind goes to: schools for the schools' audit, every other active agency for section 11. */
export function agenciesFor(db: Database, partnershipId: string, kind: FrameworkKind) {
  return db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type })
    .from(agencies)
    .where(
      and(
        eq(agencies.partnershipId, partnershipId),
        eq(agencies.active, true),
        kind === 'schools' ? eq(agencies.type, 'school') : ne(agencies.type, 'school'),
      ),
    )
    .orderBy(asc(agencies.name))
}

/** Writes the returns with their access rows; a duplicate agency fails on the unique index. */
async function insertReturns(tx: Database, actor: Actor, cycleId: string, agencyIds: readonly string[]) {
  if (!agencyIds.length) return []
  const rows = await tx
    .insert(auditReturns)
    .values(agencyIds.map((agencyId) => ({ partnershipId: actor.partnershipId, cycleId, agencyId })))
    .returning()
  const group = await auditGroupId(tx, actor.partnershipId)
  for (const row of rows) await applyReturnAccess(tx, actor, row, group)
  return rows
}

export async function createCycle(
  db: Database,
  actor: Actor,
  input: CycleInput & { frameworkId: string; agencyIds: string[] },
) {
  const [framework] = await db
    .select()
    .from(auditFrameworks)
    .where(and(eq(auditFrameworks.partnershipId, actor.partnershipId), eq(auditFrameworks.id, input.frameworkId)))
  if (!framework) throw new ValidationError({ frameworkId: 'Select a framework' })
  const allowed = new Set((await agenciesFor(db, actor.partnershipId, framework.kind)).map((a) => a.id))
  if (!input.agencyIds.length || input.agencyIds.some((id) => !allowed.has(id)))
    throw new ValidationError({
      agencyIds: framework.kind === 'schools' ? 'Select the schools taking part' : 'Select the agencies taking part',
    })
  const { frameworkId: _f, agencyIds, ...cycle } = input
  return db.transaction(async (tx) => {
    // The version current now: later edits to the framework make new versions and leave this one.
    const version = await currentVersion(tx, actor.partnershipId, framework.id)
    const [row] = await tx
      .insert(auditCycles)
      .values({ ...cycle, partnershipId: actor.partnershipId, frameworkVersionId: version.id })
      .returning({ id: auditCycles.id })
    await insertReturns(tx, actor, row!.id, agencyIds)
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: cycleRecordType,
      recordId: row!.id,
      summary: `Created the cycle ${cycle.name} with ${agencyIds.length} ${agencyIds.length === 1 ? 'return' : 'returns'}`,
      after: { ...cycle, framework: framework.name, version: version.number, returns: agencyIds.length },
    })
    return row!.id
  })
}

export async function getCycle(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select({
      cycle: auditCycles,
      frameworkId: auditFrameworks.id,
      frameworkName: auditFrameworks.name,
      kind: auditFrameworks.kind,
      versionNumber: frameworkVersions.number,
      scale: frameworkVersions.scale,
    })
    .from(auditCycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(auditCycles.partnershipId, partnershipId), eq(auditCycles.id, id)))
  if (!row) throw new NotFoundError()
  return {
    ...row.cycle,
    framework: { id: row.frameworkId, name: row.frameworkName, kind: row.kind },
    versionNumber: row.versionNumber,
    scale: row.scale,
  }
}
export type CycleView = Awaited<ReturnType<typeof getCycle>>

export function updateCycle(
  db: Database,
  actor: Actor,
  cycle: AuditCycle,
  version: number,
  input: Omit<CycleInput, 'startYear'>,
) {
  return updateAudited(
    db,
    actor,
    auditCycles,
    { id: cycle.id, version, before: cycle, set: input },
    { recordType: cycleRecordType, summary: `Changed the cycle ${input.name}` },
  )
}

/** Adds one agency's return to a cycle; refused, naming it, when it already has one. */
export async function addAgency(db: Database, actor: Actor, cycle: CycleView, agencyId: string) {
  const [agency] = (await agenciesFor(db, actor.partnershipId, cycle.framework.kind)).filter((a) => a.id === agencyId)
  if (!agency) throw new ValidationError({ agencyId: 'Select an agency from the list' })
  if (cycle.status === 'closed') throw new ValidationError({ agencyId: 'This cycle is closed: no return can be added' })
  try {
    return await db.transaction(async (tx) => {
      const [row] = await insertReturns(tx, actor, cycle.id, [agencyId])
      await recordAudit(tx, actor, {
        action: 'updated',
        recordType: cycleRecordType,
        recordId: cycle.id,
        summary: `Added ${agency.name} to the cycle ${cycle.name}`,
        related: [{ recordType: returnRecordType, recordId: row!.id }],
        after: { agency: agency.name },
      })
      return { returnId: row!.id, agencyName: agency.name }
    })
  } catch (error) {
    if (isConflict(error)) throw new ValidationError({ agencyId: `${agency.name} already has a return in this cycle` })
    throw error
  }
}

/** Whom a return goes to: the agency's safeguarding leads with an account, or a school's DSL without one. */
export async function returnRecipients(db: Database, partnershipId: string, agencyIds: readonly string[]) {
  if (!agencyIds.length) return new Map<string, { name: string; email: string; account: boolean }[]>()
  const leads = await db
    .select({ agencyId: users.agencyId, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.partnershipId, partnershipId),
        inArray(users.agencyId, [...agencyIds]),
        ne(users.status, 'disabled'),
        sql`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = 'agency-lead')`,
      ),
    )
  const dsls = await db
    .select({ agencyId: people.agencyId, name: people.name, email: people.email })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.agencyId))
    .where(
      and(
        eq(people.partnershipId, partnershipId),
        inArray(people.agencyId, [...agencyIds]),
        eq(agencies.type, 'school'),
        sql`lower(${people.jobTitle}) = 'designated safeguarding lead'`,
        sql`${people.email} is not null and ${people.leftOn} is null and ${people.erasedAt} is null`,
      ),
    )
  const byAgency = new Map<string, { name: string; email: string; account: boolean }[]>()
  for (const r of [...leads.map((l) => ({ ...l, account: true })), ...dsls.map((d) => ({ ...d, account: false }))]) {
    const list = byAgency.get(r.agencyId!) ?? []
    if (!list.some((x) => x.email === r.email)) list.push({ name: r.name, email: r.email!, account: r.account })
    byAgency.set(r.agencyId!, list)
  }
  return byAgency
}

/** The returns of a cycle the actor may see, by agency. */
export function cycleReturns(db: Database, actor: Actor, cycleId: string) {
  return db
    .select({
      id: auditReturns.id,
      agencyId: auditReturns.agencyId,
      agencyName: agencies.name,
      agencyType: agencies.type,
      status: auditReturns.status,
      submittedAt: auditReturns.submittedAt,
      moderatorName: people.name,
    })
    .from(auditReturns)
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .leftJoin(people, eq(people.id, auditReturns.moderatorPersonId))
    .where(
      and(
        eq(auditReturns.partnershipId, actor.partnershipId),
        eq(auditReturns.cycleId, cycleId),
        confidentialCondition(actor, returnRecordType, auditReturns.id),
      ),
    )
    .orderBy(asc(agencies.name))
}
export type CycleReturn = Awaited<ReturnType<typeof cycleReturns>>[number]

const countWhere = (condition: SQL) => sql<number>`(count(${auditReturns.id}) filter (where ${condition}))::int`

/** The cycles of a reporting year and a framework kind (or every one), with the counts of the returns the actor may see. */
export function listCycles(
  db: Database,
  actor: Actor,
  { startYear, kind }: { startYear: number | null; kind: FrameworkKind | null },
) {
  return db
    .select({
      id: auditCycles.id,
      name: auditCycles.name,
      kind: auditFrameworks.kind,
      startYear: auditCycles.startYear,
      opensOn: auditCycles.opensOn,
      dueOn: auditCycles.dueOn,
      status: auditCycles.status,
      due: sql<number>`count(${auditReturns.id})::int`,
      submitted: countWhere(sql`${auditReturns.status} <> 'draft'`),
      moderated: countWhere(
        sql`${auditReturns.status} in ('moderated', 'closed') and ${auditReturns.moderatedAt} is not null`,
      ),
    })
    .from(auditCycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .leftJoin(
      auditReturns,
      and(eq(auditReturns.cycleId, auditCycles.id), confidentialCondition(actor, returnRecordType, auditReturns.id)),
    )
    .where(
      and(
        eq(auditCycles.partnershipId, actor.partnershipId),
        startYear === null ? undefined : eq(auditCycles.startYear, startYear),
        kind === null ? undefined : eq(auditFrameworks.kind, kind),
      ),
    )
    .groupBy(auditCycles.id, auditFrameworks.kind)
    .orderBy(desc(auditCycles.startYear), asc(auditCycles.name))
}
export type CycleRow = Awaited<ReturnType<typeof listCycles>>[number]

/** The reporting years that have cycles, latest first. */
export async function cycleYears(db: Database, partnershipId: string) {
  const rows = await db
    .selectDistinct({ startYear: auditCycles.startYear })
    .from(auditCycles)
    .where(eq(auditCycles.partnershipId, partnershipId))
    .orderBy(desc(auditCycles.startYear))
  return rows.map((r) => r.startYear)
}
