import { and, arrayContains, desc, eq, gte, lt, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { auditLog } from './schema.ts'
import type { Actor } from './permissions.ts'

/**
 * The audit log. Call recordAudit with the same transaction handle as the change it records,
 * so either both are written or neither is.
 */
export interface AuditEntry {
  action: string
  recordType: string
  recordId?: string | null
  summary: string
  /** Other records whose history shows this entry. */
  related?: RecordRef[]
  before?: unknown
  after?: unknown
}

export interface RecordRef {
  recordType: string
  recordId: string
}

const refKey = (ref: RecordRef) => `${ref.recordType}:${ref.recordId}`

export async function recordAudit(db: Database, actor: Actor | null, entry: AuditEntry, partnershipId?: string | null) {
  await recordAudits(db, actor, [entry], partnershipId)
}

/** Many entries by one actor in one statement (an import's records, each with its own entry). */
export async function recordAudits(
  db: Database,
  actor: Actor | null,
  entries: AuditEntry[],
  partnershipId?: string | null,
) {
  // A few thousand rows a statement keeps well under PostgreSQL's 65,535 parameters.
  for (let start = 0; start < entries.length; start += 5_000)
    await db.insert(auditLog).values(
      entries.slice(start, start + 5_000).map((entry) => ({
        partnershipId: partnershipId ?? actor?.partnershipId ?? null,
        actorUserId: actor?.id ?? null,
        actorName: actor?.name ?? 'Signed-out visitor',
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId ?? null,
        summary: entry.summary,
        related: entry.related?.length ? entry.related.map(refKey) : null,
        before: entry.before === undefined ? null : toJson(entry.before),
        after: entry.after === undefined ? null : toJson(entry.after),
      })),
    )
}

/** Only the fields that changed, so the log reads as a list of edits. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const was: Record<string, unknown> = {}
  const now: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (['updatedAt', 'version', 'createdAt'].includes(key)) continue
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key]
      now[key] = after[key]
    }
  }
  return { before: was, after: now, changed: Object.keys(now) }
}

function toJson(value: unknown) {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'passwordHash' ? undefined : v)))
}

export interface AuditFilter {
  actorUserId?: string
  /** One kind of entry: `view` for the views of confidential records, say. */
  action?: string
  /** Kinds of entry left out. */
  withoutActions?: readonly string[]
  recordType?: string
  recordId?: string
  /** With recordType and recordId: include entries that name the record as related. */
  withRelated?: boolean
  from?: Date
  /** Exclusive. */
  to?: Date
}

export function auditConditions(partnershipId: string, filter: AuditFilter): SQL | undefined {
  const conditions = [eq(auditLog.partnershipId, partnershipId)]
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId))
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.withoutActions?.length) conditions.push(notInArray(auditLog.action, [...filter.withoutActions]))
  if (filter.recordType && filter.recordId && filter.withRelated) {
    // The record's own entries, and those of changes it took part in (a membership, on its person's page).
    conditions.push(
      or(
        and(eq(auditLog.recordType, filter.recordType), eq(auditLog.recordId, filter.recordId)),
        arrayContains(auditLog.related, [refKey({ recordType: filter.recordType, recordId: filter.recordId })]),
      )!,
    )
  } else {
    if (filter.recordType) conditions.push(eq(auditLog.recordType, filter.recordType))
    if (filter.recordId) conditions.push(eq(auditLog.recordId, filter.recordId))
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from))
  if (filter.to) conditions.push(lt(auditLog.at, filter.to))
  return and(...conditions)
}

export async function listAudit(db: Database, partnershipId: string, filter: AuditFilter, limit = 500, offset = 0) {
  return db
    .select()
    .from(auditLog)
    .where(auditConditions(partnershipId, filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset)
}

export async function countAudit(db: Database, partnershipId: string, filter: AuditFilter) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(auditConditions(partnershipId, filter))
  return row!.count
}

/**
 * The history shown on a record's page: its changes. Views and downloads of a confidential record
 * are in the audit log (filtered by record), not here, or opening the page would add to it.
 */
export function recordHistory(db: Database, partnershipId: string, recordType: string, recordId: string) {
  return listAudit(
    db,
    partnershipId,
    { recordType, recordId, withRelated: true, withoutActions: ['view', 'download'] },
    200,
  )
}
