// JavaScript only enhances: every page works without it.
import { initAll as initGovuk } from './govuk-frontend.min.js'
import { initAll as initMoj } from './moj-frontend.min.js'

initGovuk()
initMoj()
