import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { NotFoundError, StaleEditError, ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import { normaliseText } from '../../../platform/forms.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { users } from '../../../platform/schema.ts'
import { people } from '../../partnership/schema.ts'
import { applyReturnAccess, returnRecordType } from '../access.ts'
import { auditAnswers, auditChallenges, auditReturns } from '../audit-schema.ts'
import { gradeOf } from '../scales.ts'
import { mayChallenge, mayModerate } from './lifecycle.ts'
import {
  criteriaOf,
  listOf,
  mayModerateReturn,
  mayRespond,
  refuseTransition,
  refuseUnless,
  type ReturnRecord,
  type Standard,
} from './service.ts'

/**
 * Moderation and peer challenge: the business unit or the return's named moderator (a person from
 * another agency) agrees with each self-grade or changes it with a reason, keeping the self-grade
 * beside it; asks challenge questions the agency answers; and, when every criterion is moderated,
 * marks the return moderated. The business unit closes it.
 */

/** Agreeing needs no reason of its own: the answer records this one (the database requires one). */
export const agreedReason = 'Agreed with the self-grade'
export const reasonMax = 2000

export interface ModerationInput {
  criterionId: string
  grade: string
  reason: string
}

/**
 * One standard's moderation form (`decision-<criterion>`: "agree" or a grade; `reason-<criterion>`):
 * a criterion left alone stays as it was; a changed grade without a reason is refused, listing them.
 */
export function parseModerationForm(ret: ReturnRecord, standard: Standard, body: Record<string, unknown>) {
  const errors: FieldErrors = {}
  const noReason = []
  const items: ModerationInput[] = []
  for (const criterion of standard.criteria) {
    const decision = String(body[`decision-${criterion.id}`] ?? '').trim()
    const reason = normaliseText(String(body[`reason-${criterion.id}`] ?? '')).trim()
    if (!decision) continue
    const self = criterion.answer?.selfGrade ?? null
    const grade = decision === 'agree' ? self : decision
    if (!grade || !gradeOf(ret.scale, grade)) {
      errors[`decision-${criterion.id}`] =
        `Select whether you agree with the grade for ${criterion.label} or the grade it should be`
      continue
    }
    if (reason.length > reasonMax) {
      errors[`reason-${criterion.id}`] =
        `The reason for ${criterion.label} must be ${reasonMax.toLocaleString('en-GB')} characters or less`
      continue
    }
    if (grade !== self && !reason) {
      noReason.push(criterion)
      continue
    }
    items.push({ criterionId: criterion.id, grade, reason: reason || agreedReason })
  }
  if (noReason.length)
    errors[`reason-${noReason[0]!.id}`] = `Enter the reason for the moderated grade of ${listOf(noReason)}`
  if (Object.keys(errors).length) throw new ValidationError(errors)
  return items
}

const refuseModeration = (actor: Actor, ret: ReturnRecord) => {
  refuseUnless(mayModerateReturn(actor, ret), 'Only the business unit or the return’s moderator can moderate it')
  refuseUnless(mayModerate(ret.status), 'Only a submitted return can be moderated')
}

/** Records the moderated grades of one standard, each with its reason, audited on the return. */
export async function saveModeration(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  standard: Standard,
  items: ModerationInput[],
) {
  refuseModeration(actor, ret)
  const byId = new Map(standard.criteria.map((c) => [c.id, c]))
  const changed = items.filter((item) => {
    const answer = byId.get(item.criterionId)?.answer
    return answer && (answer.moderatedGrade !== item.grade || answer.moderationReason !== item.reason)
  })
  if (!changed.length) return false
  await db.transaction(async (tx) => {
    const now = new Date()
    for (const item of changed)
      await tx
        .update(auditAnswers)
        .set({
          moderatedGrade: item.grade,
          moderationReason: item.reason,
          moderatedBy: actor.id,
          moderatedAt: now,
          updatedAt: now,
        })
        .where(and(eq(auditAnswers.returnId, ret.id), eq(auditAnswers.criterionId, item.criterionId)))
    const label = (id: string) => byId.get(id)!.label
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: `Moderated standard ${standard.number} of the return`,
      before: Object.fromEntries(
        changed.map((i) => [
          label(i.criterionId),
          {
            selfGrade: byId.get(i.criterionId)!.answer!.selfGrade,
            moderatedGrade: byId.get(i.criterionId)!.answer!.moderatedGrade,
          },
        ]),
      ),
      after: Object.fromEntries(
        changed.map((i) => [label(i.criterionId), { moderatedGrade: i.grade, reason: i.reason }]),
      ),
    })
  })
  return true
}

/** The criteria still without a moderated grade. */
export const unmoderated = (ret: ReturnRecord) => criteriaOf(ret).filter((c) => !c.answer?.moderatedGrade)

async function moveStatus(db: Database, actor: Actor, ret: ReturnRecord, to: 'moderated' | 'closed', summary: string) {
  await db.transaction(async (tx) => {
    const now = new Date()
    const [done] = await tx
      .update(auditReturns)
      .set(
        to === 'moderated'
          ? { status: to, moderatedAt: now, moderatedBy: actor.id, updatedAt: now }
          : { status: to, closedAt: now, updatedAt: now },
      )
      .where(and(eq(auditReturns.id, ret.id), eq(auditReturns.status, ret.status)))
      .returning({ id: auditReturns.id })
    refuseUnless(!!done, 'This return has changed since you opened it: go back to the return and try again')
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary,
      before: { status: ret.status },
      after: { status: to },
    })
  })
}

/** Every criterion moderated: the return is moderated. */
export async function markModerated(db: Database, actor: Actor, ret: ReturnRecord) {
  refuseUnless(mayModerateReturn(actor, ret), 'Only the business unit or the return’s moderator can moderate it')
  refuseTransition(ret.status, 'moderated')
  const left = unmoderated(ret)
  if (left.length)
    throw new ValidationError({ form: `${listOf(left)} ${left.length === 1 ? 'has' : 'have'} no moderated grade yet` })
  await moveStatus(db, actor, ret, 'moderated', `Marked the return for ${ret.title} as moderated`)
}

/** The business unit closes a moderated return. */
export async function closeReturn(db: Database, actor: Actor, ret: ReturnRecord) {
  refuseTransition(ret.status, 'closed')
  await moveStatus(db, actor, ret, 'closed', `Closed the return for ${ret.title}`)
}

/**
 * Names the moderator (a directory person of another agency; null: the business unit moderates),
 * and re-scopes the return so they see it.
 */
export async function nameModerator(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  { version, personId }: { version: number; personId: string | null },
) {
  if (personId) {
    const [person] = await db
      .select({ agencyId: people.agencyId, name: people.name })
      .from(people)
      .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.id, personId), isNull(people.erasedAt)))
    if (!person) throw new ValidationError({ moderatorPersonId: 'Select a person from the directory' })
    if (person.agencyId === ret.agencyId)
      throw new ValidationError({
        moderatorPersonId: `Select a person from another agency: ${person.name} works for ${ret.agencyName}`,
      })
  }
  if (personId === ret.moderatorPersonId) return false
  refuseUnless(ret.status !== 'closed', 'This return is closed')
  await db.transaction(async (tx) => {
    // At the version the form was opened at: someone else's change since is not overwritten.
    const updated = await tx
      .update(auditReturns)
      .set({ moderatorPersonId: personId, version: sql`${auditReturns.version} + 1`, updatedAt: new Date() })
      .where(and(eq(auditReturns.id, ret.id), eq(auditReturns.version, version)))
      .returning({ id: auditReturns.id })
    if (!updated.length) throw new StaleEditError()
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: personId ? 'Named the return’s moderator' : 'The business unit moderates the return',
      before: { moderatorPersonId: ret.moderatorPersonId },
      after: { moderatorPersonId: personId },
    })
    await applyReturnAccess(tx, actor, { id: ret.id, agencyId: ret.agencyId, moderatorPersonId: personId })
  })
  return true
}

const askedBy = alias(users, 'asked_by_user')
const answeredBy = alias(users, 'answered_by_user')

/** The return's challenge questions, oldest first, with who asked and answered. */
export function listChallenges(db: Database, returnId: string) {
  return db
    .select({
      challenge: auditChallenges,
      askedByName: askedBy.name,
      answeredByName: answeredBy.name,
    })
    .from(auditChallenges)
    .leftJoin(askedBy, eq(askedBy.id, auditChallenges.askedBy))
    .leftJoin(answeredBy, eq(answeredBy.id, auditChallenges.answeredBy))
    .where(eq(auditChallenges.returnId, returnId))
    .orderBy(asc(auditChallenges.askedAt))
}

export type ChallengeRow = Awaited<ReturnType<typeof listChallenges>>[number]

export async function getChallenge(db: Database, ret: ReturnRecord, challengeId: string) {
  const [challenge] = await db
    .select()
    .from(auditChallenges)
    .where(and(eq(auditChallenges.returnId, ret.id), eq(auditChallenges.id, challengeId)))
  if (!challenge) throw new NotFoundError()
  return challenge
}

export async function askChallenge(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  input: { question: string; criterionId: string | null },
) {
  refuseUnless(
    mayModerateReturn(actor, ret),
    'Only the business unit or the return’s moderator can ask a challenge question',
  )
  refuseUnless(
    mayChallenge(ret.status),
    'Challenge questions are asked once a return is submitted and until it is closed',
  )
  const criterion = input.criterionId ? criteriaOf(ret).find((c) => c.id === input.criterionId) : null
  if (input.criterionId && !criterion) throw new ValidationError({ criterionId: 'Select a criterion from the list' })
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(auditChallenges)
      .values({
        partnershipId: ret.partnershipId,
        returnId: ret.id,
        criterionId: criterion?.id ?? null,
        question: input.question,
        askedBy: actor.id,
      })
      .returning({ id: auditChallenges.id })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: criterion ? `Asked a challenge question about ${criterion.label}` : 'Asked a challenge question',
      after: { challengeId: row!.id, question: input.question },
    })
  })
}

export async function answerChallenge(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  challenge: { id: string; answer: string | null },
  answer: string,
) {
  refuseUnless(
    mayRespond(actor, ret),
    'Only the agency’s safeguarding lead or the business unit can answer for the agency',
  )
  refuseUnless(mayChallenge(ret.status), 'This return is closed')
  await db.transaction(async (tx) => {
    await tx
      .update(auditChallenges)
      .set({ answer, answeredBy: actor.id, answeredAt: new Date(), version: sql`${auditChallenges.version} + 1` })
      .where(eq(auditChallenges.id, challenge.id))
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: 'Answered a challenge question',
      before: { challengeId: challenge.id, answer: challenge.answer },
      after: { challengeId: challenge.id, answer },
    })
  })
}
