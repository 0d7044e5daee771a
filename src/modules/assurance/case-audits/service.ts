import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { agencyNameFor } from '../../partnership/agencies/service.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { chosenPriority } from '../../performance/plan/service.ts'
import { themes } from '../../themes/schema.ts'
import { validateThemeIds } from '../../themes/index.ts'
import { chosenNames } from '../../reviews/chosen-names.ts'
import { applyCaseAuditAccess, caseAuditRecordType } from '../access.ts'
import {
  caseAuditAuditors,
  caseAuditCases,
  caseAudits,
  caseAuditStatuses,
  type CaseAuditScope,
  type CaseAuditStatus,
} from '../case-audit-schema.ts'
import { practiceGrades } from '../scales.ts'

/**
 * Case audits (issue 15): each a confidential record (`case-audit`) naming its auditors, the audit
 * subgroup and the business unit (access.ts). Every query here adds `visibleAudits(actor)`; the
 * cases, learning points and recommendations under an audit are read through it.
 */

/** The condition for every list, count and download of case audits: only those the actor may see. */
export const visibleAudits = (actor: Actor) => confidentialCondition(actor, caseAuditRecordType, caseAudits.id)

/** One case audit as the actor may see it, with its theme's name; a 404 otherwise. */
export async function getAudit(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select({ audit: caseAudits, themeName: themes.name, agencyName: agencies.name })
    .from(caseAudits)
    .innerJoin(themes, eq(themes.id, caseAudits.themeId))
    .leftJoin(agencies, eq(agencies.id, caseAudits.agencyId))
    .where(and(eq(caseAudits.id, id), eq(caseAudits.partnershipId, actor.partnershipId), visibleAudits(actor)))
  if (!row) throw new NotFoundError()
  return { ...row.audit, themeName: row.themeName, agencyName: row.agencyName }
}
export type AuditView = Awaited<ReturnType<typeof getAudit>>

/** An audit's auditors, in name order, with their agency. */
export function auditorsOf(db: Database, auditId: string) {
  return db
    .select({ id: people.id, name: people.name, agencyName: agencies.name })
    .from(caseAuditAuditors)
    .innerJoin(people, eq(people.id, caseAuditAuditors.personId))
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(eq(caseAuditAuditors.auditId, auditId))
    .orderBy(asc(people.sortName), asc(people.name))
}

export const auditSorts = ['title', 'theme', 'scope', 'heldOn', 'status', 'cases'] as const
export type AuditSort = (typeof auditSorts)[number]

export interface AuditFilter {
  themeId?: string
  year?: ReportingYear
  sort: AuditSort
  direction: 'asc' | 'desc'
}

/** The number of an audit's cases graded each way, as columns `outstanding`… for the list. */
const gradeCounts = Object.fromEntries(
  practiceGrades.map((grade) => [
    grade,
    sql<number>`(count(${caseAuditCases.id}) filter (where ${caseAuditCases.grade} = ${grade}))::int`,
  ]),
) as Record<(typeof practiceGrades)[number], SQL<number>>

const statusOrder = sql`array_position(array[${sql.join(
  caseAuditStatuses.map((s) => sql`${s}`),
  sql`, `,
)}]::text[], ${caseAudits.status})`

/** The audits the actor may see, with their theme, agency and cases counted by grade. */
export async function listAudits(db: Database, actor: Actor, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [eq(caseAudits.partnershipId, actor.partnershipId), visibleAudits(actor)]
  if (filter.themeId) conditions.push(eq(caseAudits.themeId, filter.themeId))
  if (filter.year) conditions.push(sql`${caseAudits.heldOn} between ${filter.year.start} and ${filter.year.end}`)
  const cases = sql<number>`count(${caseAuditCases.id})::int`
  const order: Record<AuditSort, SQL | typeof caseAudits.heldOn> = {
    title: sql`lower(${caseAudits.title})`,
    theme: sql`lower(${themes.name})`,
    scope: sql`${caseAudits.scope}`,
    heldOn: caseAudits.heldOn,
    status: statusOrder,
    cases,
  }
  const way = filter.direction === 'desc' ? desc : asc
  return db
    .select({
      id: caseAudits.id,
      title: caseAudits.title,
      themeName: themes.name,
      scope: caseAudits.scope,
      agencyName: agencies.name,
      heldOn: caseAudits.heldOn,
      status: caseAudits.status,
      cases,
      ...gradeCounts,
    })
    .from(caseAudits)
    .innerJoin(themes, eq(themes.id, caseAudits.themeId))
    .leftJoin(agencies, eq(agencies.id, caseAudits.agencyId))
    .leftJoin(caseAuditCases, eq(caseAuditCases.auditId, caseAudits.id))
    .where(and(...conditions))
    .groupBy(caseAudits.id, themes.name, agencies.name)
    .orderBy(way(order[filter.sort]), asc(sql`lower(${caseAudits.title})`))
}
export type AuditRow = Awaited<ReturnType<typeof listAudits>>[number]

/** The first and last days audits were held, so the year filter offers their years. */
export async function auditDates(db: Database, partnershipId: string) {
  const [row] = await db
    .select({
      first: sql<string | null>`min(${caseAudits.heldOn})`,
      last: sql<string | null>`max(${caseAudits.heldOn})`,
    })
    .from(caseAudits)
    .where(eq(caseAudits.partnershipId, partnershipId))
  return [row?.first ?? null, row?.last ?? null]
}

/** How many audits the partnership has (the list's "none yet" is not a filter's). */
export async function auditCount(db: Database, actor: Actor) {
  const [row] = await db
    .select({ n: count() })
    .from(caseAudits)
    .where(and(eq(caseAudits.partnershipId, actor.partnershipId), visibleAudits(actor)))
  return row?.n ?? 0
}

export interface AuditInput {
  title: string
  themeId: string
  scope: CaseAuditScope
  agencyId: string | null
  heldOn: string
  status: CaseAuditStatus
  planPriorityId: string | null
  auditorIds: string[]
  findings: string | null
}

const auditorNames = (db: Database, partnershipId: string, ids: string[]) =>
  chosenNames(db, people, partnershipId, ids, { field: 'auditorIds', message: 'Select people from the list' })

/** Checks the choices against the partnership; the audit row's names beside the ids. */
async function described(db: Database, actor: Actor, input: AuditInput, keptThemeId?: string) {
  if (input.scope === 'single-agency' && !input.agencyId)
    throw new ValidationError({ agencyId: 'Select the agency whose practice is audited' })
  const agencyId = input.scope === 'single-agency' ? input.agencyId : null
  const [theme] = await validateThemeIds(db, actor.partnershipId, [input.themeId], {
    field: 'themeId',
    kept: keptThemeId ? [keptThemeId] : [],
  })
  const [agency, priority, auditors] = await Promise.all([
    agencyNameFor(db, actor.partnershipId, agencyId),
    chosenPriority(db, actor.partnershipId, input.planPriorityId),
    auditorNames(db, actor.partnershipId, input.auditorIds),
  ])
  return { agencyId, names: { theme: theme!.name, agency, priority, auditors: auditors.join(', ') } }
}

async function replaceAuditors(tx: Database, auditId: string, ids: string[]) {
  await tx.delete(caseAuditAuditors).where(eq(caseAuditAuditors.auditId, auditId))
  if (ids.length) await tx.insert(caseAuditAuditors).values(ids.map((personId) => ({ auditId, personId })))
}

/** A new case audit, its auditors and who may see it, in one transaction with its audit row. */
export async function createAudit(db: Database, actor: Actor, input: AuditInput) {
  const { auditorIds, ...fields } = input
  const unique = [...new Set(auditorIds)]
  const { agencyId, names } = await described(db, actor, { ...input, auditorIds: unique })
  const values = { ...fields, agencyId }
  return db.transaction((tx) =>
    insertAudited(tx, actor, caseAudits, values, {
      recordType: caseAuditRecordType,
      summary: `Set up the case audit ${input.title}`,
      after: { ...values, ...names },
      alsoWrite: async (inner, id) => {
        await replaceAuditors(inner, id, unique)
        await applyCaseAuditAccess(inner, actor, id, unique)
      },
    }),
  )
}

/** Changes an audit's set-up and findings; new auditors see it (and removed ones no longer) from the same transaction. */
export async function changeAudit(db: Database, actor: Actor, id: string, version: number, input: AuditInput) {
  const before = await getAudit(db, actor, id)
  const { auditorIds, ...fields } = input
  const unique = [...new Set(auditorIds)]
  const [kept, { agencyId, names }] = await Promise.all([
    auditorsOf(db, id),
    described(db, actor, { ...input, auditorIds: unique }, before.themeId),
  ])
  const [agencyBefore, priorityBefore] = await Promise.all([
    agencyNameFor(db, actor.partnershipId, before.agencyId),
    chosenPriority(db, actor.partnershipId, before.planPriorityId),
  ])
  return updateAudited(
    db,
    actor,
    caseAudits,
    {
      id,
      version,
      before,
      set: { ...fields, agencyId },
      described: {
        before: {
          theme: before.themeName,
          agency: agencyBefore,
          priority: priorityBefore,
          auditors: kept.map((p) => p.name).join(', '),
        },
        after: names,
      },
      alsoWrite: async (tx) => {
        await replaceAuditors(tx, id, unique)
        await applyCaseAuditAccess(tx, actor, id, unique)
      },
    },
    { recordType: caseAuditRecordType, summary: `Changed the case audit ${before.title}` },
  )
}
