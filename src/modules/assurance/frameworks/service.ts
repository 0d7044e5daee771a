import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { NotFoundError, StaleEditError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import {
  auditCycles,
  auditFrameworks,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type FrameworkKind,
} from '../audit-schema.ts'
import type { ScaleCode } from '../scales.ts'
import { defaultFrameworks, type DefaultStandard } from './defaults.ts'
import { cyclesUsing, editableVersion, type EditableVersion } from './versions.ts'

/** Frameworks: created from the defaults of their kind or empty, read by version, edited through versions.ts. */
export const frameworkRecordType = 'audit-framework'

export interface NewFramework {
  name: string
  kind: FrameworkKind
  scale: ScaleCode
  start: 'defaults' | 'empty'
}

/** A framework and its version 1, in the caller's transaction, with one audit row. */
export async function insertFramework(tx: Database, actor: Actor, input: NewFramework) {
  const partnershipId = actor.partnershipId
  const [framework] = await tx
    .insert(auditFrameworks)
    .values({ partnershipId, kind: input.kind, name: input.name })
    .returning({ id: auditFrameworks.id })
  const [version] = await tx
    .insert(frameworkVersions)
    .values({ partnershipId, frameworkId: framework!.id, number: 1, scale: input.scale, createdBy: actor.id })
    .returning({ id: frameworkVersions.id })
  const standards = input.start === 'defaults' ? defaultFrameworks[input.kind].standards : []
  await insertStandards(tx, partnershipId, version!.id, standards)
  await recordAudit(tx, actor, {
    action: 'created',
    recordType: frameworkRecordType,
    recordId: framework!.id,
    summary: `Created the framework ${input.name}`,
    after: { ...input, standards: standards.length },
  })
  return framework!.id
}

/** Standards and their criteria, numbered in order: a few bulk inserts. */
async function insertStandards(tx: Database, partnershipId: string, versionId: string, standards: DefaultStandard[]) {
  if (!standards.length) return
  const rows = await tx
    .insert(frameworkStandards)
    .values(
      standards.map((s, i) => ({
        partnershipId,
        versionId,
        number: i + 1,
        title: s.title,
        description: s.description,
      })),
    )
    .returning({ id: frameworkStandards.id, number: frameworkStandards.number })
  const idOf = new Map(rows.map((r) => [r.number, r.id]))
  await tx
    .insert(frameworkCriteria)
    .values(
      standards.flatMap((s, i) =>
        s.criteria.map((text, c) => ({ partnershipId, versionId, standardId: idOf.get(i + 1)!, number: c + 1, text })),
      ),
    )
}

export function createFramework(db: Database, actor: Actor, input: NewFramework) {
  return db.transaction((tx) => insertFramework(tx, actor, input))
}

/** Every partnership starts with the section 11 standards and the schools' audit. */
export async function seedDefaultFrameworks(db: Database, actor: Actor) {
  await db.transaction(async (tx) => {
    for (const d of Object.values(defaultFrameworks))
      await insertFramework(tx, actor, { name: d.name, kind: d.kind, scale: d.scale, start: 'defaults' })
  })
}

export async function getFramework(db: Database, partnershipId: string, id: string) {
  const [framework] = await db
    .select()
    .from(auditFrameworks)
    .where(and(eq(auditFrameworks.partnershipId, partnershipId), eq(auditFrameworks.id, id)))
  if (!framework) throw new NotFoundError()
  return framework
}

/** The list: each framework with its current version and scale, and how many cycles use any version. */
export async function listFrameworks(db: Database, partnershipId: string) {
  const current = db
    .selectDistinctOn([frameworkVersions.frameworkId], {
      frameworkId: frameworkVersions.frameworkId,
      number: frameworkVersions.number,
      scale: frameworkVersions.scale,
    })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.partnershipId, partnershipId))
    .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.number))
    .as('current')
  const cycles = db
    .select({ frameworkId: frameworkVersions.frameworkId, cycles: count(auditCycles.id).as('cycles') })
    .from(auditCycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .where(eq(auditCycles.partnershipId, partnershipId))
    .groupBy(frameworkVersions.frameworkId)
    .as('used')
  return db
    .select({
      id: auditFrameworks.id,
      name: auditFrameworks.name,
      kind: auditFrameworks.kind,
      version: current.number,
      scale: current.scale,
      cycles: sql<number>`coalesce(${cycles.cycles}, 0)::int`,
    })
    .from(auditFrameworks)
    .innerJoin(current, eq(current.frameworkId, auditFrameworks.id))
    .leftJoin(cycles, eq(cycles.frameworkId, auditFrameworks.id))
    .where(eq(auditFrameworks.partnershipId, partnershipId))
    .orderBy(asc(auditFrameworks.name))
}
export type FrameworkRow = Awaited<ReturnType<typeof listFrameworks>>[number]

/** One version (the current one unless a number is given) with its standards and criteria, and every version. */
export async function readFramework(db: Database, partnershipId: string, id: string, number?: number) {
  const framework = await getFramework(db, partnershipId, id)
  const versions = await db
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.partnershipId, partnershipId), eq(frameworkVersions.frameworkId, id)))
    .orderBy(desc(frameworkVersions.number))
  const current = versions[0]
  const version = number === undefined ? current : versions.find((v) => v.number === number)
  if (!version || !current) throw new NotFoundError()
  const [standards, criteria, usedBy] = await Promise.all([
    db
      .select()
      .from(frameworkStandards)
      .where(eq(frameworkStandards.versionId, version.id))
      .orderBy(asc(frameworkStandards.number)),
    db
      .select()
      .from(frameworkCriteria)
      .where(eq(frameworkCriteria.versionId, version.id))
      .orderBy(asc(frameworkCriteria.number)),
    cyclesUsing(db, current.id),
  ])
  return {
    framework,
    version,
    current,
    isCurrent: version.id === current.id,
    versions,
    /** The cycles using the current version: a change makes version current.number + 1. */
    currentUsedBy: usedBy,
    standards: standards.map((s) => ({ ...s, criteria: criteria.filter((c) => c.standardId === s.id) })),
  }
}
export type FrameworkView = Awaited<ReturnType<typeof readFramework>>

interface Change {
  summary: string
  before?: unknown
  after?: unknown
}

/**
 * One edit of a framework: at the framework's row version (stale edits refused), into the version
 * versions.ts says, with its audit row. Returns the version number the edit went to.
 */
async function changeFramework(
  db: Database,
  actor: Actor,
  frameworkId: string,
  rowVersion: number,
  edit: (tx: Database, target: EditableVersion) => Promise<Change>,
) {
  return db.transaction(async (tx) => {
    const bumped = await tx
      .update(auditFrameworks)
      .set({ version: sql`${auditFrameworks.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(auditFrameworks.partnershipId, actor.partnershipId),
          eq(auditFrameworks.id, frameworkId),
          eq(auditFrameworks.version, rowVersion),
        ),
      )
      .returning({ id: auditFrameworks.id })
    if (!bumped.length) throw new StaleEditError()
    const target = await editableVersion(tx, actor, frameworkId)
    const change = await edit(tx, target)
    const made = target.copied ? ` (made version ${target.version.number})` : ''
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: frameworkRecordType,
      recordId: frameworkId,
      summary: `${change.summary}${made}`,
      before: change.before,
      after: { ...(change.after as object), version: target.version.number },
    })
    return target.version.number
  })
}

async function standardIn(tx: Database, versionId: string, standardId: string) {
  const [standard] = await tx
    .select()
    .from(frameworkStandards)
    .where(and(eq(frameworkStandards.versionId, versionId), eq(frameworkStandards.id, standardId)))
  if (!standard) throw new NotFoundError()
  return standard
}

async function criterionIn(tx: Database, versionId: string, criterionId: string) {
  const [criterion] = await tx
    .select({ criterion: frameworkCriteria, standardNumber: frameworkStandards.number })
    .from(frameworkCriteria)
    .innerJoin(frameworkStandards, eq(frameworkStandards.id, frameworkCriteria.standardId))
    .where(and(eq(frameworkCriteria.versionId, versionId), eq(frameworkCriteria.id, criterionId)))
  if (!criterion) throw new NotFoundError()
  return { ...criterion.criterion, label: `${criterion.standardNumber}.${criterion.criterion.number}` }
}

export interface StandardInput {
  title: string
  description: string | null
}

export function addStandard(db: Database, actor: Actor, frameworkId: string, rowVersion: number, input: StandardInput) {
  return changeFramework(db, actor, frameworkId, rowVersion, async (tx, target) => {
    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(${frameworkStandards.number}), 0)::int` })
      .from(frameworkStandards)
      .where(eq(frameworkStandards.versionId, target.version.id))
    const number = last!.number + 1
    await tx
      .insert(frameworkStandards)
      .values({ partnershipId: actor.partnershipId, versionId: target.version.id, number, ...input })
    return { summary: `Added standard ${number}`, after: input }
  })
}

export function updateStandard(
  db: Database,
  actor: Actor,
  ids: { frameworkId: string; standardId: string },
  rowVersion: number,
  input: StandardInput,
) {
  return changeFramework(db, actor, ids.frameworkId, rowVersion, async (tx, target) => {
    const standard = await standardIn(tx, target.version.id, target.standardId(ids.standardId))
    await tx.update(frameworkStandards).set(input).where(eq(frameworkStandards.id, standard.id))
    return {
      summary: `Changed standard ${standard.number}`,
      before: { title: standard.title, description: standard.description },
      after: input,
    }
  })
}

/** Numbers after `removed` move up one (in two steps: the unique index is checked row by row). */
async function closeGap<T extends typeof frameworkStandards | typeof frameworkCriteria>(
  tx: Database,
  table: T,
  scope: ReturnType<typeof eq>,
  removed: number,
) {
  const after = and(scope, gt(table.number, removed))
  await tx
    .update(table)
    .set({ number: sql`-${table.number}` } as never)
    .where(after)
  await tx
    .update(table)
    .set({ number: sql`-${table.number} - 1` } as never)
    .where(and(scope, sql`${table.number} < 0`))
}

export function removeStandard(
  db: Database,
  actor: Actor,
  ids: { frameworkId: string; standardId: string },
  rowVersion: number,
) {
  return changeFramework(db, actor, ids.frameworkId, rowVersion, async (tx, target) => {
    const standard = await standardIn(tx, target.version.id, target.standardId(ids.standardId))
    await tx.delete(frameworkStandards).where(eq(frameworkStandards.id, standard.id))
    await closeGap(tx, frameworkStandards, eq(frameworkStandards.versionId, target.version.id), standard.number)
    return { summary: `Removed standard ${standard.number}`, before: { title: standard.title } }
  })
}

export function addCriterion(
  db: Database,
  actor: Actor,
  ids: { frameworkId: string; standardId: string },
  rowVersion: number,
  text: string,
) {
  return changeFramework(db, actor, ids.frameworkId, rowVersion, async (tx, target) => {
    const standard = await standardIn(tx, target.version.id, target.standardId(ids.standardId))
    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(${frameworkCriteria.number}), 0)::int` })
      .from(frameworkCriteria)
      .where(eq(frameworkCriteria.standardId, standard.id))
    const number = last!.number + 1
    await tx.insert(frameworkCriteria).values({
      partnershipId: actor.partnershipId,
      versionId: target.version.id,
      standardId: standard.id,
      number,
      text,
    })
    return { summary: `Added criterion ${standard.number}.${number}`, after: { text } }
  })
}

export function updateCriterion(
  db: Database,
  actor: Actor,
  ids: { frameworkId: string; criterionId: string },
  rowVersion: number,
  text: string,
) {
  return changeFramework(db, actor, ids.frameworkId, rowVersion, async (tx, target) => {
    const criterion = await criterionIn(tx, target.version.id, target.criterionId(ids.criterionId))
    await tx.update(frameworkCriteria).set({ text }).where(eq(frameworkCriteria.id, criterion.id))
    return { summary: `Changed criterion ${criterion.label}`, before: { text: criterion.text }, after: { text } }
  })
}

export function removeCriterion(
  db: Database,
  actor: Actor,
  ids: { frameworkId: string; criterionId: string },
  rowVersion: number,
) {
  return changeFramework(db, actor, ids.frameworkId, rowVersion, async (tx, target) => {
    const criterion = await criterionIn(tx, target.version.id, target.criterionId(ids.criterionId))
    await tx.delete(frameworkCriteria).where(eq(frameworkCriteria.id, criterion.id))
    await closeGap(tx, frameworkCriteria, eq(frameworkCriteria.standardId, criterion.standardId), criterion.number)
    return { summary: `Removed criterion ${criterion.label}`, before: { text: criterion.text } }
  })
}

export function changeScale(db: Database, actor: Actor, frameworkId: string, rowVersion: number, scale: ScaleCode) {
  return changeFramework(db, actor, frameworkId, rowVersion, async (tx, target) => {
    await tx.update(frameworkVersions).set({ scale }).where(eq(frameworkVersions.id, target.version.id))
    return { summary: 'Changed the grading scale', before: { scale: target.version.scale }, after: { scale } }
  })
}
