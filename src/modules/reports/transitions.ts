import { and, desc, eq, max } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { updateAudited } from '../../platform/audited-writes.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Registry } from '../../platform/modules.ts'
import type { Actor } from '../../platform/permissions.ts'
import { reports, reportVersions } from './schema.ts'
import { draftSnapshot, type Report } from './service.ts'
import { snapshotProblems } from './snapshot.ts'
import { canMove, statusLabels, transitions, type Transition } from './workflow.ts'

/**
 * Moves a report along its workflow, at the version the page showed, with the audit row (and, on
 * approval, the frozen version) in the same transaction. Submitting and approving are refused
 * with the list of what to fix while any section reports a problem.
 */
export async function moveReport(
  db: Database,
  registry: Registry,
  actor: Actor,
  report: Report,
  transition: Transition,
  input: { version: number; comments?: string; reason?: string },
) {
  const rule = transitions[transition]
  if (!canMove(report.status, transition))
    throw new ValidationError({
      report: `This report is ${statusLabels[report.status].toLowerCase()}: it cannot be ${rule.verb.toLowerCase()} now`,
    })
  const snapshot =
    transition === 'submit' || transition === 'approve' ? await draftSnapshot(db, registry, report) : null
  if (snapshot) {
    const problems = snapshotProblems(snapshot)
    if (problems.length)
      throw new ValidationError(
        Object.fromEntries(problems.map((p, i) => [`problem-${i + 1}`, `${p.section}: ${p.problem}`])),
      )
  }
  const set: Partial<typeof reports.$inferInsert> = { status: rule.to }
  if (transition === 'return') set.returnComments = input.comments ?? null
  if (transition === 'submit') set.returnComments = null
  if (transition === 'correct') set.correctionReason = input.reason ?? null
  if (transition === 'approve') set.correctionReason = null

  await updateAudited(
    db,
    actor,
    reports,
    {
      id: report.id,
      version: input.version,
      before: {
        status: report.status,
        returnComments: report.returnComments,
        correctionReason: report.correctionReason,
      },
      set,
      alsoWrite: async (tx) => {
        if (transition === 'approve') {
          const [{ last } = { last: 0 }] = await tx
            .select({ last: max(reportVersions.number) })
            .from(reportVersions)
            .where(eq(reportVersions.reportId, report.id))
          await tx.insert(reportVersions).values({
            partnershipId: actor.partnershipId,
            reportId: report.id,
            number: (last ?? 0) + 1,
            content: snapshot!,
            approvedBy: actor.kind === 'user' ? actor.id : null,
            approvedByName: actor.name,
            approvedAt: new Date(),
            correctionReason: report.correctionReason,
          })
        }
        if (transition === 'publish') {
          const [latest] = await tx
            .select({ id: reportVersions.id })
            .from(reportVersions)
            .where(eq(reportVersions.reportId, report.id))
            .orderBy(desc(reportVersions.number))
            .limit(1)
          await tx
            .update(reportVersions)
            .set({ publishedAt: new Date() })
            .where(and(eq(reportVersions.id, latest!.id), eq(reportVersions.partnershipId, actor.partnershipId)))
        }
      },
    },
    { recordType: 'report', action: rule.action, summary: `${rule.verb}: ${report.title}` },
  )
}
