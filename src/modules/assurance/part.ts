import type { Database } from '../../db/index.ts'
import type { ModuleDefinition, SeedContext } from '../../platform/modules.ts'

/**
 * One part of the quality assurance module (frameworks and cycles, returns, results, schools,
 * case audits, voice, the quadrant): what it adds to the module's registration. index.ts joins them,
 * registering routes and running seeds in the order listed there.
 */
export interface AssurancePart extends Pick<
  ModuleDefinition,
  'routes' | 'recordTypes' | 'figures' | 'sections' | 'homePanels' | 'jobs' | 'recurring' | 'recordDates'
> {
  seed?: (db: Database, context: SeedContext) => Promise<void>
  matrixIds?: (db: Database, partnershipId: string) => Promise<Record<string, string>>
}
