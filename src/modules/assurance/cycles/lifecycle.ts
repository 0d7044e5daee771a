import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import { ValidationError } from '../../../platform/errors.ts'
import { defineJob } from '../../../platform/jobs/index.ts'
import { londonParts } from '../../../platform/london-time.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { partnerships } from '../../../platform/schema.ts'
import { todayInLondon } from '../../actions/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { returnRecordType } from '../access.ts'
import { auditCycles, auditFrameworks, auditReminders, auditReturns, frameworkVersions } from '../audit-schema.ts'
import { queueInvitation, queueReminder } from './emails.ts'
import { reminderDue } from './reminders.ts'
import { cycleRecordType, cycleReturns, returnRecipients, type CycleView } from './service.ts'

/**
 * Opening a cycle (the invitations), reminding, closing, and the overdue returns. Closing writes
 * the returns' status directly (draft, submitted or moderated → closed); the returns part owns
 * every other transition of a return.
 */

async function partnershipName(db: Database, partnershipId: string) {
  const [row] = await db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
  return row!.name
}

/** Who the invitations would go to, and the agencies with no one to email: for the confirmation page. */
export async function openingPlan(db: Database, actor: Actor, cycle: CycleView) {
  const returns = await cycleReturns(db, actor, cycle.id)
  const recipients = await returnRecipients(
    db,
    actor.partnershipId,
    returns.map((r) => r.agencyId),
  )
  return {
    returns: returns.map((r) => ({ ...r, recipients: recipients.get(r.agencyId) ?? [] })),
    noEmail: returns.filter((r) => !recipients.get(r.agencyId)?.length).map((r) => r.agencyName),
  }
}

/** Opens a planned cycle and queues an invitation to each return's recipients, in one transaction. */
export async function openCycle(db: Database, actor: Actor, cycle: CycleView, version: number, baseUrl: string) {
  if (cycle.status !== 'planned') throw new ValidationError({ form: 'This cycle has already been opened' })
  const plan = await openingPlan(db, actor, cycle)
  const name = await partnershipName(db, actor.partnershipId)
  return db.transaction(async (tx) => {
    const opened = await tx
      .update(auditCycles)
      .set({
        status: 'open',
        openedAt: new Date(),
        openedBy: actor.id,
        version: sql`${auditCycles.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(auditCycles.id, cycle.id), eq(auditCycles.version, version), eq(auditCycles.status, 'planned')))
      .returning({ id: auditCycles.id })
    if (!opened.length)
      throw new ValidationError({ form: 'This cycle changed after you opened the page. Check it and try again.' })
    let sent = 0
    for (const r of plan.returns)
      for (const to of r.recipients) {
        await queueInvitation(
          tx,
          {
            partnershipId: actor.partnershipId,
            partnershipName: name,
            cycleName: cycle.name,
            dueOn: cycle.dueOn,
            returnId: r.id,
            agencyName: r.agencyName,
            to,
          },
          baseUrl,
        )
        sent++
      }
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: cycleRecordType,
      recordId: cycle.id,
      summary: `Opened the cycle ${cycle.name}: ${sent} ${sent === 1 ? 'invitation' : 'invitations'} emailed`,
      before: { status: 'planned' },
      after: { status: 'open', invitations: sent, noEmail: plan.noEmail },
    })
    return { sent, noEmail: plan.noEmail }
  })
}

/** The returns of a cycle still in draft, by agency name: what closing asks about. */
export async function draftReturns(db: Database, actor: Actor, cycleId: string) {
  return (await cycleReturns(db, actor, cycleId)).filter((r) => r.status === 'draft').map((r) => r.agencyName)
}

/**
 * Closes an open cycle: every return not yet closed moves to closed. With returns still in draft
 * it is refused unless the closer confirmed them; the count is recorded with who closed it.
 */
export async function closeCycle(
  db: Database,
  actor: Actor,
  cycle: CycleView,
  input: { version: number; confirmDrafts: boolean },
) {
  if (cycle.status !== 'open') throw new ValidationError({ form: 'Only an open cycle can be closed' })
  return db.transaction(async (tx) => {
    const [{ drafts }] = (await tx
      .select({ drafts: sql<number>`count(*)::int` })
      .from(auditReturns)
      .where(and(eq(auditReturns.cycleId, cycle.id), eq(auditReturns.status, 'draft')))) as [{ drafts: number }]
    if (drafts && !input.confirmDrafts)
      throw new ValidationError({
        confirmDrafts: 'Confirm that you want to close the cycle with returns still in draft',
      })
    const closed = await tx
      .update(auditCycles)
      .set({
        status: 'closed',
        closedAt: new Date(),
        closedBy: actor.id,
        closedWithDrafts: drafts,
        version: sql`${auditCycles.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(auditCycles.id, cycle.id), eq(auditCycles.version, input.version), eq(auditCycles.status, 'open')))
      .returning({ id: auditCycles.id })
    if (!closed.length)
      throw new ValidationError({ form: 'This cycle changed after you opened the page. Check it and try again.' })
    const returns = await tx
      .update(auditReturns)
      .set({ status: 'closed', closedAt: new Date(), version: sql`${auditReturns.version} + 1`, updatedAt: new Date() })
      .where(and(eq(auditReturns.cycleId, cycle.id), sql`${auditReturns.status} <> 'closed'`))
      .returning({ id: auditReturns.id })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: cycleRecordType,
      recordId: cycle.id,
      summary: `Closed the cycle ${cycle.name}${drafts ? ` with ${drafts} ${drafts === 1 ? 'return' : 'returns'} still in draft` : ''}`,
      related: returns.map((r) => ({ recordType: returnRecordType, recordId: r.id })),
      before: { status: 'open' },
      after: { status: 'closed', closedWithDrafts: drafts, returnsClosed: returns.length },
    })
    return { drafts, closed: returns.length }
  })
}

/** Returns in open cycles past their due date and not submitted, that the actor may see. */
export function overdueReturns(db: Database, actor: Actor, today = todayInLondon()) {
  return db
    .select({
      id: auditReturns.id,
      agencyId: auditReturns.agencyId,
      agencyName: agencies.name,
      cycleId: auditCycles.id,
      cycleName: auditCycles.name,
      kind: auditFrameworks.kind,
      dueOn: auditCycles.dueOn,
      daysOverdue: sql<number>`(${today}::date - ${auditCycles.dueOn})::int`,
    })
    .from(auditReturns)
    .innerJoin(auditCycles, eq(auditCycles.id, auditReturns.cycleId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .where(
      and(
        eq(auditReturns.partnershipId, actor.partnershipId),
        eq(auditCycles.status, 'open'),
        eq(auditReturns.status, 'draft'),
        lt(auditCycles.dueOn, today),
        confidentialCondition(actor, returnRecordType, auditReturns.id),
      ),
    )
    .orderBy(asc(auditCycles.dueOn), asc(agencies.name))
}
export type OverdueReturn = Awaited<ReturnType<typeof overdueReturns>>[number]

/**
 * Sends the reminders due today for every open cycle: for each return still in draft, the
 * reminder is noted in audit_reminders (ON CONFLICT DO NOTHING) and emailed only when the note is
 * new, in one transaction per return, so each goes once however often the job runs.
 */
export async function sendReminders(db: Database, baseUrl: string, today = todayInLondon()) {
  const cycles = await db.select().from(auditCycles).where(eq(auditCycles.status, 'open'))
  let sent = 0
  for (const cycle of cycles) {
    const openedOn = cycle.openedAt ? londonParts(cycle.openedAt).date : cycle.opensOn
    const due = reminderDue(today, { ...cycle, openedOn })
    if (!due) continue
    const drafts = await db
      .select({ id: auditReturns.id, agencyId: auditReturns.agencyId, agencyName: agencies.name })
      .from(auditReturns)
      .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
      .where(and(eq(auditReturns.cycleId, cycle.id), eq(auditReturns.status, 'draft')))
    if (!drafts.length) continue
    const recipients = await returnRecipients(
      db,
      cycle.partnershipId,
      drafts.map((d) => d.agencyId),
    )
    const name = await partnershipName(db, cycle.partnershipId)
    const [side, days] = due.reminder.split('-') as [string, string]
    for (const r of drafts)
      sent += await db.transaction(async (tx) => {
        const noted = await tx
          .insert(auditReminders)
          .values({ returnId: r.id, reminder: due.reminder })
          .onConflictDoNothing()
          .returning({ returnId: auditReminders.returnId })
        if (!noted.length) return 0
        const to = recipients.get(r.agencyId) ?? []
        for (const person of to)
          await queueReminder(
            tx,
            {
              partnershipId: cycle.partnershipId,
              partnershipName: name,
              cycleName: cycle.name,
              dueOn: cycle.dueOn,
              returnId: r.id,
              agencyName: r.agencyName,
              to: person,
            },
            { before: side === 'before', days: Number(days) },
            baseUrl,
          )
        return to.length
      })
  }
  return sent
}

export const remindersJob = defineJob('assurance-audit-reminders', async (db, _payload, context) => {
  await sendReminders(db, context.baseUrl)
})

/** Daily at 07:00 London time, before the working day starts. */
export const remindersSchedule = { name: remindersJob.name, dailyAt: '07:00' }

/** The ids of the returns an agency lead's home panel names: their agency's in open cycles, not yet submitted. */
export async function ownReturnsDue(db: Database, actor: Actor) {
  if (!actor.agencyId) return []
  return db
    .select({ id: auditReturns.id, cycleName: auditCycles.name, kind: auditFrameworks.kind, dueOn: auditCycles.dueOn })
    .from(auditReturns)
    .innerJoin(auditCycles, eq(auditCycles.id, auditReturns.cycleId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .where(
      and(
        eq(auditReturns.partnershipId, actor.partnershipId),
        inArray(auditReturns.agencyId, [actor.agencyId]),
        eq(auditCycles.status, 'open'),
        eq(auditReturns.status, 'draft'),
      ),
    )
    .orderBy(asc(auditCycles.dueOn))
}
