import type { Query } from '../../../platform/lists.ts'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { presentDocument } from '../../../platform/documents/presenter.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { afterSave, formRoute } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import { can } from '../../../platform/permissions.ts'
import { parseYear, yearSlug } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { listGroups } from '../../partnership/groups/service.ts'
import { getPaper } from '../cabinet-paper/service.ts'
import { differences, hasDifferences } from '../differences.ts'
import { reportDocument } from '../document.ts'
import { documentFormats, sendDocument, type DocumentFormat } from '../outputs.ts'
import { availableTransitions, sectionLinks, statusLine, statusTag, versionRows } from '../presenters.ts'
import { createReport, currentContent, getReport, getVersion, listReports, listVersions } from '../service.ts'
import { snapshotProblems } from '../snapshot.ts'
import { reportYears } from '../years.ts'

const views = 'modules/reports/views'

export async function reportPageRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/reports', { config: { permission: 'reports:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { years, year } = await reportYears(db, app.registry, actor.partnershipId, (request.query as Query).year)
    const rows = await listReports(db, actor, { startYear: year.startYear })
    return reply.view(`${views}/reports.njk`, {
      year,
      yearPicker: { years: yearChoices(years, year), action: '/reports' },
      reports: rows.map((r) => ({
        href: `/reports/${r.id}`,
        title: r.title,
        tag: statusTag(r.status),
      })),
      newHref: `/reports/new?year=${yearSlug(year)}`,
      figuresHref: `/reports/figures?year=${yearSlug(year)}`,
    })
  })

  const newReportSchema = z.object({
    kind: z.enum(['annual', 'subgroup'], { error: 'Select which report to start' }),
    year: z.string({ error: 'Select the year' }),
    groupId: z.string().optional(),
    sections: z
      .union([z.string(), z.array(z.string())], { error: 'Select at least one section' })
      .transform((v) => (Array.isArray(v) ? v : [v])),
  })

  formRoute(app, {
    path: '/reports/new',
    access: { permission: 'reports:edit' },
    template: `${views}/report-new.njk`,
    schema: newReportSchema,
    context: async ({ actor }) => {
      const { years, startMonth } = await reportYears(db, app.registry, actor.partnershipId)
      const groups = (await listGroups(db, actor, { status: 'active', sort: 'name', direction: 'asc' })).filter(
        (g) => g.kind === 'subgroup',
      )
      return {
        startMonth,
        yearItems: years.map((y) => ({ value: yearSlug(y), text: y.label })),
        groupItems: [{ value: '', text: 'Choose a subgroup' }, ...groups.map((g) => ({ value: g.id, text: g.name }))],
        sectionItems: app.registry.sections.map((s) => ({ value: s.name, text: s.definition.title })),
      }
    },
    initialValues: ({ query }) => ({
      kind: 'annual',
      year: query.year,
      sections: app.registry.sections.map((s) => s.name),
    }),
    save: async ({ actor }, input, context) => {
      const year = parseYear(input.year, context.startMonth)
      if (!year) throw new ValidationError({ year: 'Select the year' })
      const known = new Set(app.registry.sections.map((s) => s.name))
      const id = await createReport(db, actor, {
        kind: input.kind,
        startYear: year.startYear,
        groupId: input.kind === 'subgroup' ? (input.groupId ?? null) : null,
        sections: input.sections.filter((s) => known.has(s)),
      })
      return afterSave(`/reports/${id}`)
    },
  })

  app.get('/reports/:id', { config: { permission: 'reports:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const report = await getReport(db, actor, (request.params as { id: string }).id)
    const [{ snapshot, version }, versions, history, paper] = await Promise.all([
      currentContent(db, app.registry, report),
      listVersions(db, report.id),
      historyOf(app, actor, 'report', report.id),
      getPaper(db, report),
    ])
    const query = request.query as Record<string, string | undefined>
    return reply.view(`${views}/report.njk`, {
      report,
      tag: statusTag(report.status),
      document: presentDocument(reportDocument(snapshot, statusLine(report, version))),
      problems: version ? [] : snapshotProblems(snapshot),
      sections: sectionLinks(actor, report, snapshot),
      actions: availableTransitions(actor, report),
      versionRows: versionRows(report.id, versions),
      downloads: documentFormats.map((format) => ({ format, href: `/reports/${report.id}/download/${format}` })),
      paperHref:
        report.kind === 'annual' && (paper || (versions.length && can(actor, 'reports:edit')))
          ? `/reports/${report.id}/cabinet-paper`
          : null,
      history,
      flash: query.saved ? 'Report saved' : query.moved ? `Report ${query.moved}` : null,
    })
  })

  app.get('/reports/:id/download/:format', { config: { permission: 'reports:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { id, format } = request.params as { id: string; format: string }
    if (!(documentFormats as readonly string[]).includes(format)) throw new NotFoundError()
    const report = await getReport(db, actor, id)
    const { snapshot, version } = await currentContent(db, app.registry, report)
    return sendDocument(reply, reportDocument(snapshot, statusLine(report, version)), format as DocumentFormat, false)
  })

  app.get('/reports/:id/versions/:number', { config: { permission: 'reports:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const params = request.params as { id: string; number: string }
    const report = await getReport(db, actor, params.id)
    const number = Number(params.number)
    const version = Number.isInteger(number) && number > 0 ? await getVersion(db, report.id, number) : null
    if (!version) throw new NotFoundError()
    const previous = number > 1 ? await getVersion(db, report.id, number - 1) : null
    const changes = previous ? differences(previous.content, version.content) : null
    return reply.view(`${views}/version.njk`, {
      report,
      version,
      document: presentDocument(reportDocument(version.content, statusLine(report, version))),
      changes: changes && hasDifferences(changes) ? changes : null,
      comparedWith: previous ? previous.number : null,
      downloads: documentFormats.map((format) => ({
        format,
        href: `/reports/${report.id}/versions/${number}/download/${format}`,
      })),
    })
  })

  app.get(
    '/reports/:id/versions/:number/download/:format',
    { config: { permission: 'reports:read' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const params = request.params as { id: string; number: string; format: string }
      if (!(documentFormats as readonly string[]).includes(params.format)) throw new NotFoundError()
      const report = await getReport(db, actor, params.id)
      const number = Number(params.number)
      const version = Number.isInteger(number) && number > 0 ? await getVersion(db, report.id, number) : null
      if (!version) throw new NotFoundError()
      return sendDocument(
        reply,
        reportDocument(version.content, statusLine(report, version)),
        params.format as DocumentFormat,
        false,
      )
    },
  )
}
