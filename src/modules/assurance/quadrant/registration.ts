import { assuranceFigures } from '../figures/definitions.ts'
import { assuranceFigureRoutes } from '../figures/routes.ts'
import { qualityAssuranceSection } from '../figures/section.ts'
import type { AssurancePart } from '../part.ts'
import { assuranceDates } from './choices.ts'
import { quadrantRoutes } from './routes.ts'

/**
 * The quadrant of evidence (`/assurance/quadrant`), the module's figures with their records
 * (`/assurance/figures/:figure`) and the "Quality assurance" report section: last in the module's
 * order, reading what every other part holds. Its record dates (audit cycles, case audits, voice
 * records) are the module's, for the reports' year pickers.
 */
export const quadrantPart: AssurancePart = {
  routes: async (app) => {
    await quadrantRoutes(app)
    await assuranceFigureRoutes(app)
  },
  figures: assuranceFigures,
  sections: [qualityAssuranceSection],
  recordDates: assuranceDates,
  matrixIds: async () => ({ '/assurance/figures/:figure': 'case-audits' }),
}
