/* global document */
// JavaScript only enhances: every page works without it.
import { initAll as initGovuk } from './govuk-frontend.min.js'
import { initAll as initMoj } from './moj-frontend.min.js'

initGovuk()
initMoj()

// The autocomplete library is fetched only by pages that have a person picker.
if (document.querySelector('[data-module="app-person-picker"]')) import('./person-picker.js')
