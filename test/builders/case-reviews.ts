import { eq } from 'drizzle-orm'
import type { Database } from '../../src/db/index.ts'
import { addLearningPoint } from '../../src/modules/reviews/learning/service.ts'
import { addRecommendation, type RecommendationInput } from '../../src/modules/reviews/recommendations/changes.ts'
import type { ReviewCase } from '../../src/modules/reviews/schema.ts'
import { saveSummary, type SummaryInput } from '../../src/modules/reviews/summaries/service.ts'
import { themes } from '../../src/modules/themes/schema.ts'
import { builderActor, nextNumber } from './names.ts'

/**
 * What hangs off a case review, for tests, made through the services (with their audit rows and,
 * for a recommendation, its confidential scope): the case itself is `insertReviewCase` (reviews.ts).
 */

type CaseRef = Pick<ReviewCase, 'id' | 'reference'>

export async function insertRecommendation(
  db: Database,
  partnershipId: string,
  reviewCase: CaseRef,
  input: Partial<RecommendationInput> & { agencyId: string },
) {
  return addRecommendation(db, builderActor(partnershipId), reviewCase, {
    text: `Agencies should share information at the first sign of concern (${nextNumber()})`,
    dueOn: null,
    ...input,
  })
}

/** The ids of themes by name, failing the test's setup when one is missing. */
export async function themeIdsNamed(db: Database, partnershipId: string, names: string[]) {
  const rows = await db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(eq(themes.partnershipId, partnershipId))
  return names.map((name) => {
    const found = rows.find((row) => row.name === name)
    if (!found) throw new Error(`no theme ${name}`)
    return found.id
  })
}

export async function insertLearningPoint(
  db: Database,
  partnershipId: string,
  reviewCase: CaseRef,
  themeIds: string[],
  text = `Practitioners should look beyond what parents say (${nextNumber()})`,
) {
  return addLearningPoint(db, builderActor(partnershipId), reviewCase, { text, themeIds })
}

export async function insertSummary(
  db: Database,
  partnershipId: string,
  reviewCase: CaseRef,
  input: Partial<SummaryInput> = {},
) {
  await saveSummary(db, builderActor(partnershipId), reviewCase, null, {
    whatHappened: `${reviewCase.reference} was a baby whose injuries were not recognised.`,
    whatWeLearned: 'Bruising in a baby who is not mobile is a sign of harm.',
    whatToDoDifferently: '- Follow the bruising protocol\n- Ask about every adult in the home',
    ...input,
  })
}
