import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { NotFoundError, StaleEditError, ValidationError } from '../../../platform/errors.ts'
import { afterSave, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { errorList } from '../../../platform/forms.ts'
import { placeholderFor } from '../../../platform/markdown.ts'
import { startingText } from '../../../platform/sections.ts'
import { anchorFor } from '../document.ts'
import { getReport, loadNarrative, saveNarrative, sectionContext } from '../service.ts'
import { isEditable } from '../workflow.ts'

const views = 'modules/reports/views'

/**
 * The narrative editor: one text box per slot of a section, in Markdown, with the figures of the
 * section (and every other registered figure) offered as placeholders. "Insert" adds a
 * placeholder without saving, so it works without JavaScript; saving checks the versions the
 * editor opened, so two officers never overwrite each other silently.
 */
export async function narrativeRoutes(app: FastifyInstance) {
  const db = app.db

  async function load({ actor, params }: FormRequest) {
    const report = await getReport(db, actor, params.id!)
    const section = app.registry.sections.find((s) => s.name === params.section)
    if (!section || !report.sections.includes(section.name)) throw new NotFoundError()
    if (!isEditable(report.status))
      throw new ValidationError({ report: 'The narrative can be changed only while the report is a draft' })
    const narrative = await loadNarrative(db, report.id)
    const own = new Set(section.definition.figures.map((key) => `${section.module}.${key}`))
    const figures = app.registry.figures.map(({ module, definition }) => ({
      name: `${module}.${definition.key}`,
      label: definition.label,
      placeholder: placeholderFor(`${module}.${definition.key}`),
      own: own.has(`${module}.${definition.key}`),
    }))
    return {
      report,
      section: { name: section.name, title: section.definition.title },
      slots: await Promise.all(
        section.definition.narrative.map(async (slot) => {
          const row = narrative.get(`${section.name}/${slot.key}`)
          const starting = row ? undefined : await startingText(db, slot, sectionContext(report))
          return { ...slot, markdown: row?.markdown ?? starting ?? '', version: row?.version ?? null }
        }),
      ),
      figures: [...figures.filter((f) => f.own), ...figures.filter((f) => !f.own)],
      action: `/reports/${report.id}/sections/${section.name}`,
    }
  }

  formRoute(app, {
    path: '/reports/:id/sections/:section',
    access: { permission: 'reports:edit' },
    template: `${views}/narrative.njk`,
    schema: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    context: load,
    initialValues: (_request, context) =>
      Object.fromEntries(
        context.slots.flatMap((slot) => [
          [`slot-${slot.key}`, slot.markdown],
          [`version-${slot.key}`, slot.version === null ? '' : String(slot.version)],
        ]),
      ),
    save: async ({ actor }, body, context, reply) => {
      const text = (key: string) => {
        const value = body[key]
        return (Array.isArray(value) ? value[0] : value) ?? ''
      }
      const values: Record<string, string> = {}
      for (const slot of context.slots) {
        values[`slot-${slot.key}`] = text(`slot-${slot.key}`).replace(/\r\n/g, '\n')
        values[`version-${slot.key}`] = text(`version-${slot.key}`)
      }
      const insert = /^([a-z0-9-]+) ([a-z0-9-]+\.[a-z0-9-]+)$/.exec(text('insert'))
      if (insert) {
        const [, slotKey, figure] = insert
        const field = `slot-${slotKey}`
        if (field in values && context.figures.some((f) => f.name === figure)) {
          const current = values[field]!.replace(/\s+$/, '')
          values[field] = `${current}${current ? ' ' : ''}${placeholderFor(figure!)}`
        }
        return { render: `${views}/narrative.njk`, data: { ...context, values, errors: {}, inserted: figure } }
      }
      const edits = context.slots.map((slot) => {
        const version = values[`version-${slot.key}`]
        return {
          slot: slot.key,
          markdown: values[`slot-${slot.key}`]!.slice(0, 50_000),
          version: version ? Number(version) : null,
          // Emptied on purpose: kept as empty, or the starting text would come back.
          keepEmpty: slot.starting !== undefined,
        }
      })
      try {
        const changed = await saveNarrative(db, actor, context.report, context.section.name, edits)
        // The query before the fragment: after it, the browser would take `?saved=1` as part of the anchor.
        return `${afterSave(`/reports/${context.report.id}`, changed)}#${anchorFor(context.section.name)}`
      } catch (error) {
        if (!(error instanceof StaleEditError)) throw error
        // Keep what they typed; show what the other person saved, to merge by hand.
        const errors = {
          [`slot-${context.slots[0]!.key}`]:
            'Someone else saved this section after you opened it. Your text is kept in the boxes; their version is shown above each box. Copy across what you need, then save again.',
        }
        const fresh = context.slots.map((slot) => ({ ...slot, theirs: slot.markdown }))
        // Refused, as every stale edit is (409), but as the form itself so nothing typed is lost.
        reply.code(409)
        const newVersions = Object.fromEntries(
          context.slots.map((slot) => [`version-${slot.key}`, slot.version === null ? '' : String(slot.version)]),
        )
        return {
          render: `${views}/narrative.njk`,
          data: {
            ...context,
            slots: fresh,
            values: { ...values, ...newVersions },
            errors,
            errorList: errorList(errors),
            conflict: true,
          },
        }
      }
    },
  })
}
