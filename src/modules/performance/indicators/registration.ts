import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { RecordTypeDefinition, SeedContext } from '../../../platform/modules.ts'
import { indicators } from '../schema.ts'
import { indicatorAuditFormats } from './presenters.ts'
import { ensureStandardIndicators } from './service.ts'

/** What the catalogue and the neighbours add to the module's registration (index.ts). */

export const catalogueRecordTypes: Record<string, RecordTypeDefinition> = {
  indicator: {
    label: 'Measure',
    href: (id) => (id ? `/performance/indicators/${id}` : null),
    fields: {
      code: 'Code',
      name: 'Name',
      subject: 'What is measured',
      definition: 'Definition',
      unit: 'Unit',
      polarity: 'Which way is better',
      source: 'Source',
      frequency: 'Frequency',
      dfeColumn: 'Department’s column',
      target: 'Target',
      position: 'Position',
      themes: 'Themes',
      retiredAt: 'Status',
    },
    formats: indicatorAuditFormats,
  },
  'performance-settings': {
    label: 'Statistical neighbours',
    href: () => '/performance/neighbours',
    fields: {
      areaCode: 'Authority code',
      authority: 'Authority',
      neighbourCodes: 'Neighbour codes',
      neighbours: 'Neighbours',
    },
  },
}

/** Every partnership starts with the standard measures. */
export async function catalogueSeed(db: Database, { actor, partnershipId }: SeedContext) {
  await ensureStandardIndicators(db, actor, partnershipId)
}

/** The permission matrix's id for `/performance/indicators/:id`: the partnership's first measure, none created. */
export async function firstIndicatorId(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [first] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(eq(indicators.partnershipId, partnershipId))
    .orderBy(asc(indicators.position))
    .limit(1)
  return first ? { '/performance/indicators/:id': first.id } : {}
}
