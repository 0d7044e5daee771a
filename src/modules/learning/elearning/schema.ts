import { sql } from 'drizzle-orm'
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../../platform/schema.ts'
import { importBatches } from '../../../platform/imports/schema.ts'
import { agencies } from '../../partnership/schema.ts'
import { learners } from '../learners/schema.ts'

/**
 * One e-learning module completed, imported from the e-learning platform's export. The same
 * learner, module and day is one completion, so re-importing a file adds nothing.
 */
export const elearningCompletions = pgTable(
  'elearning_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id),
    moduleName: text('module_name').notNull(),
    completedOn: date('completed_on').notNull(),
    /** The agency as the file named it, and the directory agency it maps to (null until resolved). */
    agencyName: text('agency_name').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    importBatchId: uuid('import_batch_id').references(() => importBatches.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('elearning_completions_unique').on(
      t.partnershipId,
      t.learnerId,
      sql`lower(${t.moduleName})`,
      t.completedOn,
    ),
    index('elearning_completions_day_idx').on(t.partnershipId, t.completedOn),
    index('elearning_completions_unmatched_idx')
      .on(t.partnershipId, t.agencyName)
      .where(sql`${t.agencyId} is null`),
  ],
)

/** Names other systems use for a directory agency ("Oxon CC" → Oxfordshire County Council). */
export const agencyAliases = pgTable(
  'learning_agency_aliases',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** Lower case, trimmed. */
    alias: text('alias').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.alias] })],
)
