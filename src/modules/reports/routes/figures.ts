import type { Query } from '../../../platform/lists.ts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sendCsv } from '../../../platform/exports.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { computeFigure, type Figure } from '../../../platform/figures.ts'
import { escapeHtml, linkHtml } from '../../../platform/html.ts'
import { requireActor } from '../../../platform/http.ts'
import { parseYear, yearSlug } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { reportYears } from '../years.ts'

const views = 'modules/reports/views'

/** The figures every module registers, per module and year: each with its definition and the link to its records. */
export async function figureRoutes(app: FastifyInstance) {
  const db = app.db
  const modulesWithFigures = [...new Set(app.registry.figures.map((f) => f.module))]

  async function yearFor(request: FastifyRequest) {
    const actor = requireActor(request)
    const { years, year } = await reportYears(db, app.registry, actor.partnershipId, (request.query as Query).year)
    return { actor, year, years }
  }

  async function figuresOf(module: string, partnershipId: string, year: ReturnType<typeof parseYear> & object) {
    const definitions = app.registry.figures.filter((f) => f.module === module)
    if (!definitions.length) throw new NotFoundError()
    return Promise.all(definitions.map((f) => computeFigure(db, f.module, f.definition, { partnershipId, year })))
  }

  app.get('/reports/figures', { config: { permission: 'figures:read' } }, async (request, reply) => {
    const { year, years } = await yearFor(request)
    return reply.view(`${views}/figures-index.njk`, {
      year,
      yearPicker: { years: yearChoices(years, year), action: '/reports/figures' },
      modules: modulesWithFigures.map((module) => ({
        href: `/reports/figures/${module}?year=${yearSlug(year)}`,
        text: moduleTitle(module),
        count: app.registry.figures.filter((f) => f.module === module).length,
      })),
    })
  })

  app.get('/reports/figures/:module', { config: { permission: 'figures:read' } }, async (request, reply) => {
    const { actor, year, years } = await yearFor(request)
    const module = (request.params as { module: string }).module
    const figures = await figuresOf(module, actor.partnershipId, year)
    return reply.view(`${views}/figures.njk`, {
      module: moduleTitle(module),
      year,
      yearPicker: { years: yearChoices(years, year), action: `/reports/figures/${module}` },
      rows: figures.map(figureRow),
      problems: figures.filter((f) => f.problem),
      downloadHref: `/reports/figures/${module}/figures.csv?year=${yearSlug(year)}`,
    })
  })

  app.get(
    '/reports/figures/:module/figures.csv',
    { config: { permission: 'figures:read' } },
    async (request, reply) => {
      const { actor, year } = await yearFor(request)
      const module = (request.params as { module: string }).module
      const figures = await figuresOf(module, actor.partnershipId, year)
      return sendCsv(reply, `figures-${module}-${yearSlug(year)}.csv`, [
        figureCsvHeader,
        ...figures.map((f) => figureCsvRow(f, year.label)),
      ])
    },
  )
}

function moduleTitle(module: string) {
  return module.charAt(0).toUpperCase() + module.slice(1).replace(/-/g, ' ')
}

function figureRow(figure: Figure) {
  return [
    {
      html: `<strong>${escapeHtml(figure.label)}</strong><br><span class="govuk-hint govuk-!-margin-bottom-0">${escapeHtml(figure.definition)}</span>`,
    },
    { text: figure.problem ? `Not available: ${figure.problem}` : figure.display, format: 'numeric' },
    { text: figure.prose },
    { html: `<code>{{${escapeHtml(figure.name)}}}</code>` },
    {
      html: figure.link ? linkHtml(figure.link, 'See the records', `counted in ${figure.label}`) : '',
    },
  ]
}

export const figureCsvHeader = ['Module', 'Key', 'Year', 'Label', 'Value', 'Unit', 'In prose', 'Link', 'Problem']

export function figureCsvRow(f: Figure, year: string) {
  return [f.module, f.key, year, f.label, f.value ?? '', f.unit, f.prose, f.link ?? '', f.problem ?? '']
}
