import type { FastifyInstance } from 'fastify'
import { sendCsv } from '../../../platform/exports.ts'
import { importRoutes, type ImportDefinition } from '../../../platform/imports/index.ts'
import type { ListRoute } from '../../../platform/list-route.ts'
import { listRoute } from '../../../platform/list-route.ts'
import { searchText } from '../../../platform/lists.ts'
import type { Database } from '../../../db/index.ts'
import { schoolHeaders, schoolsImport } from './import.ts'
import { schoolCsv, schoolRows } from './presenters.ts'
import { countSchools, listSchools, type SchoolFilter, type SchoolListRow } from './service.ts'

const views = 'modules/assurance/schools/views'
export const schoolsImportPath = '/assurance/schools/import'
const templateCsv = '/assurance/schools/import/template.csv'

/** The schools list and its downloads. A function of the database handle, so a bench can render it without the platform. */
export function schoolsList(
  db: Database,
): ListRoute<SchoolFilter['sort'], Pick<SchoolFilter, 'search'>, SchoolListRow> {
  return {
    path: '/assurance/schools',
    permission: 'assurance:read',
    template: `${views}/schools.njk`,
    list: {
      columns: [
        { key: 'urn', text: 'URN' },
        { key: 'name', text: 'School or college' },
        { key: null, text: 'Designated safeguarding lead' },
        { key: null, text: 'Status' },
      ],
      defaultSort: 'name',
      pageSize: 100,
      download: '/assurance/schools.csv',
      downloadXlsx: '/assurance/schools.xlsx',
      noun: ['school', 'schools'],
    },
    filter: (query) => ({ search: searchText(query.search) }),
    load: async (actor, filter, page) => {
      const [rows, total] = await Promise.all([listSchools(db, actor, filter, page), countSchools(db, actor, filter)])
      return { rows, total }
    },
    rows: schoolRows,
    csv: schoolCsv,
  }
}

/** The schools list (assurance:read), and the schools import with its template (assurance:manage). */
export async function schoolsRoutes(app: FastifyInstance) {
  listRoute(app, schoolsList(app.db))
  await importRoutes(app, {
    basePath: schoolsImportPath,
    permission: 'assurance:manage',
    definition: schoolsImport as unknown as ImportDefinition<never>,
    title: 'Import schools and colleges',
    backLink: { href: '/assurance/schools', text: 'Back to schools' },
    download: { href: templateCsv, text: 'Download the template (CSV)' },
  })
  app.get(templateCsv, { config: { permission: 'assurance:manage' } }, (_request, reply) =>
    sendCsv(reply, 'schools-template.csv', [[...schoolHeaders]]),
  )
}
