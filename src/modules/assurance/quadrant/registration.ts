import type { AssurancePart } from '../part.ts'
import { quadrantRoutes } from './routes.ts'

/**
 * The quadrant of evidence (`/assurance/quadrant`), the module's figures with their records
 * (`/assurance/figures/:figure`) and the "Quality assurance" report section: last in the module's
 * order, reading what every other part holds.
 */
export const quadrantPart: AssurancePart = {
  routes: async (app) => {
    await quadrantRoutes(app)
  },
}
