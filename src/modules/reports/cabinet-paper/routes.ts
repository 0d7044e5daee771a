import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { presentDocument } from '../../../platform/documents/presenter.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { actionRoute, afterSave, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { dateInput, dateParts, optionalText, requiredText, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { can } from '../../../platform/permissions.ts'
import { formatDateTime } from '../../../platform/views.ts'
import { getReport } from '../service.ts'
import { documentFormats, sendDocument, type DocumentFormat } from '../outputs.ts'
import {
  paperDocumentOf,
  draftCabinetPaper,
  getPaper,
  issuePaper,
  redraftCabinetPaper,
  savePaper,
  type CabinetPaper,
} from './service.ts'

const views = 'modules/reports/views'

function paperStatus(paper: CabinetPaper) {
  return paper.status === 'issued' ? `Issued ${formatDateTime(paper.issuedAt)}` : 'Draft'
}

/** The cabinet cover paper of an approved annual report: drafted, edited, issued; HTML, DOCX and PDF. */
export async function cabinetPaperRoutes(app: FastifyInstance) {
  const db = app.db

  async function withPaper({ actor, params }: Pick<FormRequest, 'actor' | 'params'>) {
    const report = await getReport(db, actor, params.id!)
    const paper = await getPaper(db, report)
    if (!paper) throw new NotFoundError()
    return { report, paper }
  }

  app.get('/reports/:id/cabinet-paper', { config: { permission: 'reports:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const params = request.params as { id: string }
    const report = await getReport(db, actor, params.id)
    const paper = await getPaper(db, report)
    if (!paper) {
      if (report.kind === 'annual' && can(actor, 'reports:edit'))
        return reply.redirect(`/reports/${report.id}/cabinet-paper/new`)
      throw new NotFoundError()
    }
    const query = request.query as Record<string, string | undefined>
    return reply.view(`${views}/paper.njk`, {
      report,
      paper,
      status: paperStatus(paper),
      document: presentDocument(paperDocumentOf(paper)),
      editable: paper.status === 'draft' && can(actor, 'reports:edit'),
      downloads: documentFormats.map((format) => ({
        format,
        href: `/reports/${report.id}/cabinet-paper/download/${format}`,
      })),
      flash: query.saved
        ? 'Cabinet paper saved'
        : query.unchanged
          ? 'No changes made'
          : query.issued
            ? 'Cabinet paper issued'
            : null,
    })
  })

  formRoute(app, {
    path: '/reports/:id/cabinet-paper/new',
    access: { permission: 'reports:edit' },
    template: `${views}/paper-new.njk`,
    schema: z.object({ meeting: requiredText('the meeting', 100) }),
    context: async ({ actor, params }) => ({ report: await getReport(db, actor, params.id!) }),
    initialValues: () => ({ meeting: 'Cabinet' }),
    save: async ({ actor }, input, { report }) => {
      await draftCabinetPaper(db, app.registry, actor, report, input.meeting)
      return `/reports/${report.id}/cabinet-paper`
    },
  })

  const paperSchema = z.object({
    version,
    meeting: requiredText('the meeting', 100),
    title: requiredText('the title', 200),
    byline: requiredText('who submits the paper', 300),
    recommendation: requiredText('the recommendation', 2000),
    authorName: optionalText('the author’s name', 200),
    authorRole: optionalText('the author’s role', 300),
    contactOfficer: optionalText('the contact officer', 300),
    backgroundPapers: optionalText('the background papers', 1000),
    dated: requiredText('the date of the paper', 50),
  })

  formRoute(app, {
    path: '/reports/:id/cabinet-paper/edit',
    access: { permission: 'reports:edit' },
    template: `${views}/paper-form.njk`,
    schema: paperSchema,
    context: async (request) => {
      const found = await withPaper(request)
      // An issued paper is what went to the meeting: no form to change it.
      if (found.paper.status !== 'draft') throw new ValidationError({ paper: 'An issued paper cannot be changed' })
      return found
    },
    extra: (body) => {
      const date = dateInput(body, 'meetingDate', 'the meeting date', {
        required: false,
        min: '2000-01-01',
        max: '2100-12-31',
      })
      // Each heading's paragraphs: one box per heading, paragraphs separated by a blank line.
      const sections: { heading: string; paragraphs: string[] }[] = []
      for (let i = 0; typeof body[`heading-${i}`] === 'string'; i++) {
        const text = String(body[`paragraphs-${i}`] ?? '')
          .replace(/\r\n/g, '\n')
          .slice(0, 50_000)
        sections.push({
          heading: String(body[`heading-${i}`]).trim().slice(0, 200),
          paragraphs: text
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter(Boolean),
        })
      }
      const errors: Record<string, string> = date.error ? { 'meetingDate-day': date.error } : {}
      return {
        errors,
        values: { meetingDate: date.value ?? null, sections },
      }
    },
    initialValues: (_request, { paper }) => ({
      version: paper.version,
      meeting: paper.meeting,
      ...dateParts(paper.meetingDate, 'meetingDate'),
      title: paper.content.title,
      byline: paper.content.byline,
      recommendation: paper.content.recommendation,
      authorName: paper.content.author.name,
      authorRole: paper.content.author.role,
      contactOfficer: paper.content.contactOfficer,
      backgroundPapers: paper.content.backgroundPapers,
      dated: paper.content.dated,
      ...Object.fromEntries(
        paper.content.sections.flatMap((s, i) => [
          [`heading-${i}`, s.heading],
          [`paragraphs-${i}`, s.paragraphs.join('\n\n')],
        ]),
      ),
    }),
    save: async ({ actor }, input, { report, paper }) => {
      const changed = await savePaper(db, actor, report, paper, input.version, {
        meeting: input.meeting,
        meetingDate: input.meetingDate,
        content: {
          title: input.title,
          byline: input.byline,
          sections: input.sections.filter((s) => s.heading),
          recommendation: input.recommendation,
          author: { name: input.authorName ?? '', role: input.authorRole ?? '' },
          contactOfficer: input.contactOfficer ?? '',
          backgroundPapers: input.backgroundPapers ?? '',
          dated: input.dated,
        },
      })
      return afterSave(`/reports/${report.id}/cabinet-paper`, changed)
    },
  })

  actionRoute(app, {
    path: '/reports/:id/cabinet-paper/redraft',
    access: { permission: 'reports:edit' },
    schema: z.object({ version }),
    run: async (request, input) => {
      const { report, paper } = await withPaper(request)
      const changed = await redraftCabinetPaper(db, app.registry, request.actor, report, paper, input.version)
      return afterSave(`/reports/${report.id}/cabinet-paper`, changed)
    },
  })

  actionRoute(app, {
    path: '/reports/:id/cabinet-paper/issue',
    access: { permission: 'reports:edit' },
    schema: z.object({ version }),
    run: async (request, input) => {
      const { report, paper } = await withPaper(request)
      await issuePaper(db, request.actor, report, paper, input.version)
      return `/reports/${report.id}/cabinet-paper?issued=1`
    },
  })

  app.get(
    '/reports/:id/cabinet-paper/download/:format',
    { config: { permission: 'reports:read' } },
    async (request, reply) => {
      const params = request.params as { id: string; format: string }
      if (!(documentFormats as readonly string[]).includes(params.format)) throw new NotFoundError()
      const { paper } = await withPaper({ actor: requireActor(request), params })
      return sendDocument(reply, paperDocumentOf(paper), params.format as DocumentFormat, false)
    },
  )
}
