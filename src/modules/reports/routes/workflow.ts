import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { actionRoute, formRoute } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { getReport } from '../service.ts'
import { moveReport } from '../transitions.ts'
import { transitions } from '../workflow.ts'

const views = 'modules/reports/views'

/** Submit, approve, publish (buttons); return and correct (each a form asking why). Every move is audited. */
export async function workflowRoutes(app: FastifyInstance) {
  const db = app.db

  for (const transition of ['submit', 'approve', 'publish'] as const) {
    actionRoute(app, {
      path: `/reports/:id/${transition}`,
      access: { permission: transitions[transition].permission },
      schema: z.object({ version }),
      run: async ({ actor, params }, input) => {
        const report = await getReport(db, actor, params.id!)
        await moveReport(db, app.registry, actor, report, transition, input)
        return `/reports/${report.id}?moved=${transitions[transition].action}`
      },
    })
  }

  const reasons = {
    return: {
      label: 'What needs to change before you can approve it?',
      missing: 'Enter what needs to change',
      heading: 'Return the report with comments',
      button: 'Return the report',
    },
    correct: {
      label: 'What does the correction put right?',
      missing: 'Enter what the correction puts right',
      heading: 'Make a correction',
      button: 'Reopen as a draft',
    },
  } as const

  for (const transition of ['return', 'correct'] as const) {
    const text = reasons[transition]
    formRoute(app, {
      path: `/reports/:id/${transition}`,
      access: { permission: transitions[transition].permission },
      template: `${views}/reason.njk`,
      schema: z.object({
        version,
        reason: z
          .string({ error: text.missing })
          .trim()
          .min(1, text.missing)
          .max(5000, 'Keep it under 5,000 characters'),
      }),
      context: async ({ actor, params }) => ({ report: await getReport(db, actor, params.id!), text }),
      initialValues: (_request, { report }) => ({ version: report.version }),
      save: async ({ actor }, input, { report }) => {
        await moveReport(db, app.registry, actor, report, transition, {
          version: input.version,
          ...(transition === 'return' ? { comments: input.reason } : { reason: input.reason }),
        })
        return `/reports/${report.id}?moved=${transitions[transition].action}`
      },
    })
  }
}
