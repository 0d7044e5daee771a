import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../../platform/audit.ts'
import { insertAudited } from '../../platform/audited-writes.ts'
import type { SeedContext } from '../../platform/modules.ts'
import type { Actor } from '../../platform/permissions.ts'
import { partnershipCalendar } from '../../platform/working-days.ts'
import { raiseAction, todayInLondon } from '../actions/service.ts'
import { addDays } from '../learning/seed-random.ts'
import { agencies, groups, people } from '../partnership/schema.ts'
import { replaceThemeTags } from '../themes/index.ts'
import { themes } from '../themes/schema.ts'
import { applyCaseAccess, applyRecommendationAccess, caseRecordType, recommendationRecordType } from './access.ts'
import {
  learningPointThemes,
  reviewCaseAgencies,
  reviewCases,
  reviewLearningPoints,
  reviewPanelMembers,
  reviewRecommendations,
  reviewSettings,
  reviewSummaries,
} from './schema.ts'
import type { DemoCase, DemoRecommendation } from './seed-data.ts'
import { currentCases, yearCases } from './seed-others.ts'
import { publishedReviews } from './seed-published.ts'

/**
 * The demo's case reviews: the five serious case reviews of the seed paper's 2016/17 report (three
 * published, one active, one completed as far as possible while a police investigation goes on),
 * two referrals that did not meet the criteria, and this year's cases under Working Together 2018
 * with their clocks running. Written as the app writes them, each row audited in its own
 * transaction with its access list, so only the Case Review and Governance subgroup, the business
 * unit and the chair see a case; the agency that owns a recommendation sees that recommendation.
 * Actions go through the action tracker; learning points are tagged with the shared themes.
 */
export async function seedReviews(db: Database, { partnershipId, actor }: SeedContext) {
  const directory = await directoryOf(db, partnershipId)
  await chooseWhoSees(db, actor, directory.groups.get('Case Review and Governance'))
  const today = todayInLondon()
  const calendar = await partnershipCalendar(db, partnershipId)
  const cases = [...publishedReviews((days) => addDays(today, days)), ...yearCases(), ...currentCases(today, calendar)]
  for (const demo of cases) await writeCase(db, actor, directory, demo)
}

type Directory = Awaited<ReturnType<typeof directoryOf>>

async function directoryOf(db: Database, partnershipId: string) {
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.name, r.id]))
  const [agencyRows, peopleRows, groupRows, themeRows] = await Promise.all([
    db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.partnershipId, partnershipId)),
    db
      .select({ id: people.id, name: people.name, agencyId: people.agencyId })
      .from(people)
      .where(eq(people.partnershipId, partnershipId)),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.partnershipId, partnershipId)),
    db.select({ id: themes.id, name: themes.name }).from(themes).where(eq(themes.partnershipId, partnershipId)),
  ])
  const need = (map: Map<string, string>, name: string) => {
    const id = map.get(name)
    if (!id) throw new Error(`The demo's case reviews need ${name} in the directory`)
    return id
  }
  const agencyIds = byName(agencyRows)
  const personIds = byName(peopleRows)
  return {
    agency: (name: string) => need(agencyIds, name),
    person: (name: string) => need(personIds, name),
    personAgency: (name: string) => peopleRows.find((p) => p.name === name)?.agencyId ?? null,
    groups: byName(groupRows),
    /** Theme ids by name; a theme the partnership no longer has is left off. */
    themes: (names: readonly string[]) => themeRows.filter((t) => names.includes(t.name)).map((t) => t.id),
  }
}

/** Case reviews → Who can see case reviews: the Case Review and Governance subgroup. */
async function chooseWhoSees(db: Database, actor: Actor, groupId: string | undefined) {
  const groupIds = groupId ? [groupId] : []
  await db.transaction(async (tx) => {
    await tx.insert(reviewSettings).values({ partnershipId: actor.partnershipId, groupIds })
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: 'review-settings',
      recordId: actor.partnershipId,
      summary: 'Chose who can see case reviews',
      after: { groupIds },
    })
  })
}

async function writeCase(db: Database, actor: Actor, directory: Directory, demo: DemoCase) {
  const values = {
    ...demo.fields,
    reference: demo.reference,
    referredByAgencyId: demo.referredBy ? directory.agency(demo.referredBy) : null,
    decidedByPersonId: demo.decidedBy ? directory.person(demo.decidedBy) : null,
  }
  const caseId = await insertAudited(db, actor, reviewCases, values, {
    recordType: caseRecordType,
    summary: `Recorded the case ${demo.reference}`,
    after: { ...values, agencies: demo.agencies.join(', '), panel: demo.panel.join(', ') },
    alsoWrite: async (tx, id) => {
      await applyCaseAccess(tx, actor, id)
      if (demo.agencies.length)
        await tx.insert(reviewCaseAgencies).values(
          demo.agencies.map((name) => ({
            caseId: id,
            partnershipId: actor.partnershipId,
            agencyId: directory.agency(name),
          })),
        )
      if (demo.panel.length)
        await tx.insert(reviewPanelMembers).values(
          demo.panel.map((name) => ({
            caseId: id,
            partnershipId: actor.partnershipId,
            personId: directory.person(name),
          })),
        )
    },
  })
  for (const [index, [text, themeNames]] of demo.learningPoints.entries()) {
    const themeIds = directory.themes(themeNames)
    await insertAudited(
      db,
      actor,
      reviewLearningPoints,
      { caseId, number: index + 1, text },
      {
        recordType: 'review-learning-point',
        summary: `Added learning point ${index + 1} to ${demo.reference}`,
        related: [{ recordType: caseRecordType, recordId: caseId }],
        after: { number: index + 1, text, themes: themeNames.join(', ') },
        alsoWrite: (tx, id) =>
          replaceThemeTags(
            tx,
            { table: learningPointThemes, record: learningPointThemes.learningPointId },
            actor.partnershipId,
            id,
            themeIds,
          ),
      },
    )
  }
  for (const [index, recommendation] of demo.recommendations.entries())
    await writeRecommendation(
      db,
      actor,
      directory,
      { caseId, reference: demo.reference, number: index + 1 },
      recommendation,
    )
  if (demo.summary) {
    const summary = demo.summary
    await db.transaction(async (tx) => {
      await tx.insert(reviewSummaries).values({ caseId, partnershipId: actor.partnershipId, ...summary })
      await recordAudit(tx, actor, {
        action: 'created',
        recordType: 'review-summary',
        recordId: caseId,
        summary: `Wrote the learning summary of ${demo.reference}`,
        related: [{ recordType: caseRecordType, recordId: caseId }],
        after: summary,
      })
    })
  }
}

async function writeRecommendation(
  db: Database,
  actor: Actor,
  directory: Directory,
  from: { caseId: string; reference: string; number: number },
  demo: DemoRecommendation,
) {
  const agencyId = directory.agency(demo.agency)
  const values = {
    caseId: from.caseId,
    number: from.number,
    text: demo.text,
    agencyId,
    response: demo.response ?? null,
    dueOn: demo.dueOn,
    status: demo.status,
    evidence: demo.completed?.evidence ?? null,
    completedOn: demo.completed?.completedOn ?? null,
  }
  const label = `${from.reference}: recommendation ${from.number}`
  const id = await insertAudited(db, actor, reviewRecommendations, values, {
    recordType: recommendationRecordType,
    summary: `Added ${label}`,
    related: [{ recordType: caseRecordType, recordId: from.caseId }],
    after: { ...values, agency: demo.agency },
    alsoWrite: (tx, recommendationId) => applyRecommendationAccess(tx, actor, recommendationId, agencyId),
  })
  for (const action of demo.actions ?? []) {
    const ownerPersonId = directory.person(action.owner)
    await raiseAction(db, actor, {
      source: { type: recommendationRecordType, id, label, href: `/case-reviews/recommendations/${id}` },
      description: action.description,
      ownerPersonId,
      ownerAgencyId: directory.personAgency(action.owner) ?? agencyId,
      dueOn: action.dueOn,
      status: action.status,
      completed: action.completed,
    })
  }
}
