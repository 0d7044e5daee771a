import type { AssurancePart } from '../part.ts'
import { resultsRoutes } from './routes.ts'
import { resultsMatrixIds } from './matrix.ts'
import { seedDemoCycles } from './seed.ts'

/**
 * A cycle's results (section 11's matrix; the schools' return rate, answers and follow-up) with
 * their downloads, and the demo's cycles (README.md).
 */
export const resultsPart: AssurancePart = {
  routes: resultsRoutes,
  seed: seedDemoCycles,
  matrixIds: resultsMatrixIds,
}
