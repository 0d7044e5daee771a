import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import {
  auditCycles,
  auditFrameworks,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type FrameworkVersion,
} from '../audit-schema.ts'

/**
 * Framework versions. The current version of a framework is its highest number. A version no
 * cycle uses is edited in place; once a cycle uses it, an edit first copies its standards and
 * criteria to the next number and changes the copy. Answers reference criteria, so they keep the
 * version they were given against; a cycle binds the version current when it is created.
 */

export async function currentVersion(db: Database, partnershipId: string, frameworkId: string) {
  const [version] = await db
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.partnershipId, partnershipId), eq(frameworkVersions.frameworkId, frameworkId)))
    .orderBy(desc(frameworkVersions.number))
    .limit(1)
  if (!version) throw new NotFoundError()
  return version
}

/** The cycles that use a version, by name: editing it makes a new version. */
export function cyclesUsing(db: Database, versionId: string) {
  return db
    .select({ id: auditCycles.id, name: auditCycles.name })
    .from(auditCycles)
    .where(eq(auditCycles.frameworkVersionId, versionId))
    .orderBy(asc(auditCycles.name))
}

export interface EditableVersion {
  version: FrameworkVersion
  /** True when the current version was in use and this is its new copy. */
  copied: boolean
  /** The id in the version edited for an id of the current version (the same id unless copied). */
  standardId: (currentId: string) => string
  criterionId: (currentId: string) => string
}

/**
 * The version an edit goes to, in the edit's transaction: the current one when no cycle uses it,
 * otherwise a copy numbered one higher. Locks the framework so two edits at once make one copy.
 */
export async function editableVersion(tx: Database, actor: Actor, frameworkId: string): Promise<EditableVersion> {
  const [framework] = await tx
    .select({ id: auditFrameworks.id })
    .from(auditFrameworks)
    .where(and(eq(auditFrameworks.partnershipId, actor.partnershipId), eq(auditFrameworks.id, frameworkId)))
    .for('update')
  if (!framework) throw new NotFoundError()
  const current = await currentVersion(tx, actor.partnershipId, frameworkId)
  const inUse = (await cyclesUsing(tx, current.id)).length > 0
  if (!inUse) return { version: current, copied: false, standardId: (id) => id, criterionId: (id) => id }
  return copyVersion(tx, actor, current)
}

/** Copies a version's standards and criteria to the next number (the caller audits the edit it is for). */
async function copyVersion(tx: Database, actor: Actor, from: FrameworkVersion): Promise<EditableVersion> {
  const partnershipId = actor.partnershipId
  const [version] = await tx
    .insert(frameworkVersions)
    .values({
      partnershipId,
      frameworkId: from.frameworkId,
      number: from.number + 1,
      scale: from.scale,
      createdBy: actor.id ?? null,
    })
    .returning()
  const standards = await tx
    .select()
    .from(frameworkStandards)
    .where(eq(frameworkStandards.versionId, from.id))
    .orderBy(asc(frameworkStandards.number))
  const standardIds = new Map<string, string>()
  const criterionIds = new Map<string, string>()
  if (standards.length) {
    const copies = await tx
      .insert(frameworkStandards)
      .values(
        standards.map((s) => ({
          partnershipId,
          versionId: version!.id,
          number: s.number,
          title: s.title,
          description: s.description,
        })),
      )
      .returning({ id: frameworkStandards.id, number: frameworkStandards.number })
    const byNumber = new Map(copies.map((c) => [c.number, c.id]))
    for (const s of standards) standardIds.set(s.id, byNumber.get(s.number)!)
    const criteria = await tx
      .select()
      .from(frameworkCriteria)
      .where(inArray(frameworkCriteria.standardId, [...standardIds.keys()]))
      .orderBy(asc(frameworkCriteria.standardId), asc(frameworkCriteria.number))
    if (criteria.length) {
      const copied = await tx
        .insert(frameworkCriteria)
        .values(
          criteria.map((c) => ({
            partnershipId,
            versionId: version!.id,
            standardId: standardIds.get(c.standardId)!,
            number: c.number,
            text: c.text,
          })),
        )
        .returning({
          id: frameworkCriteria.id,
          standardId: frameworkCriteria.standardId,
          number: frameworkCriteria.number,
        })
      const byPlace = new Map(copied.map((c) => [`${c.standardId}:${c.number}`, c.id]))
      for (const c of criteria) criterionIds.set(c.id, byPlace.get(`${standardIds.get(c.standardId)}:${c.number}`)!)
    }
  }
  return {
    version: version!,
    copied: true,
    standardId: (id) => standardIds.get(id) ?? id,
    criterionId: (id) => criterionIds.get(id) ?? id,
  }
}
