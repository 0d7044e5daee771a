import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { learningSettings } from '../schema.ts'

export type LearningSettings = typeof learningSettings.$inferSelect

/** The partnership's learning settings, made with the defaults the first time they are read. */
export async function getLearningSettings(db: Database, partnershipId: string): Promise<LearningSettings> {
  const [existing] = await db.select().from(learningSettings).where(eq(learningSettings.partnershipId, partnershipId))
  if (existing) return existing
  await db.insert(learningSettings).values({ partnershipId }).onConflictDoNothing()
  const [made] = await db.select().from(learningSettings).where(eq(learningSettings.partnershipId, partnershipId))
  return made!
}
