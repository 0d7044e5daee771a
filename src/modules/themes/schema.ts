import { sql } from 'drizzle-orm'
import { boolean, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../platform/schema.ts'

/**
 * The partnership's one taxonomy of learning themes: the tags courses, case reviews, audits and
 * resources share. Each module that tags its records keeps its own join table (README.md).
 */
export const themes = pgTable(
  'themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    name: text('name').notNull(),
    description: text('description'),
    /** A retired theme stays on the records tagged with it but is not offered for new tagging. */
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('themes_name_unique').on(t.partnershipId, sql`lower(${t.name})`)],
)

export type Theme = typeof themes.$inferSelect
