import type { FastifyInstance } from 'fastify'
import { sendCsv } from '../../../platform/exports.ts'
import { importRoutes, type ImportDefinition } from '../../../platform/imports/index.ts'
import { dfeImport } from './dfe.ts'
import { templateHeaders, templateImport } from './template.ts'

/** The two imports of performance data (performance:manage), and the template's CSV. */
const permission = 'performance:manage'
const backLink = { href: '/performance', text: 'Back to performance' }
export const dfeImportPath = '/performance/import/dfe'
export const templateImportPath = '/performance/import/template'
const templateCsv = '/performance/import/template.csv'

export async function performanceImportRoutes(app: FastifyInstance) {
  await importRoutes(app, {
    basePath: dfeImportPath,
    permission,
    definition: dfeImport as unknown as ImportDefinition<never>,
    title: 'Import the department’s statistics',
    backLink,
  })
  await importRoutes(app, {
    basePath: templateImportPath,
    permission,
    definition: templateImport as unknown as ImportDefinition<never>,
    title: 'Import performance values',
    backLink,
    download: { href: templateCsv, text: 'Download the template (CSV)' },
  })
  app.get(templateCsv, { config: { permission } }, (_request, reply) =>
    sendCsv(reply, 'performance-values-template.csv', [[...templateHeaders]]),
  )
}
