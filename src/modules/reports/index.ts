import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { defineModule } from '../../platform/modules.ts'
import type { Actor } from '../../platform/permissions.ts'
import { formatYear } from '../../platform/reporting-years.ts'
import { getPartnership } from '../partnership/settings/service.ts'
import { cabinetPaperRoutes } from './cabinet-paper/routes.ts'
import { figureRoutes } from './routes/figures.ts'
import { narrativeRoutes } from './routes/narrative.ts'
import { publishedRoutes } from './routes/published.ts'
import { reportPageRoutes } from './routes/report-pages.ts'
import { workflowRoutes } from './routes/workflow.ts'
import { reports } from './schema.ts'
import { seedReports } from './seed.ts'
import { listReports, reportScopes } from './service.ts'
import { statusLabels } from './workflow.ts'

/**
 * The annual report, subgroup reports and the cabinet paper. Sections and figures come from the
 * modules that own the records (their `sections` and `figures`); this module never needs editing
 * when a module adds one.
 */
export const reportsModule = defineModule({
  name: 'reports',
  scopes: reportScopes,
  permissions: {
    'reports:read': {
      description: 'Read reports in draft, their approved versions and cabinet papers',
      roles: {
        administrator: true,
        'business-unit': true,
        chair: true,
        'board-member': true,
        'read-only': true,
        'subgroup-member': 'own-group-reports',
      },
    },
    'reports:edit': {
      description: 'Start reports, write their narrative, submit them, draft and issue cabinet papers',
      roles: { administrator: true, 'business-unit': true },
    },
    'reports:approve': {
      description: 'Approve reports, or return them with comments',
      roles: { chair: true },
    },
    'reports:publish': {
      description: 'Publish approved reports',
      roles: { administrator: true, 'business-unit': true },
    },
    'figures:read': {
      description: 'Read every module’s figures for a year, with the records behind them',
      roles: { administrator: true, 'business-unit': true, chair: true, 'board-member': true, 'read-only': true },
    },
  },
  routes: async (app) => {
    await app.register(reportPageRoutes)
    await app.register(narrativeRoutes)
    await app.register(workflowRoutes)
    await app.register(figureRoutes)
    await app.register(cabinetPaperRoutes)
    await app.register(publishedRoutes)
  },
  navigation: [{ href: '/reports', text: 'Reports', permission: 'reports:read', order: 80 }],
  homePanels: [
    {
      permission: 'reports:approve',
      load: async (db, actor) => {
        const waiting = (await panelReports(db, actor)).filter((r) => r.status === 'submitted')
        return {
          title: 'Reports waiting for your approval',
          items: waiting.map(({ text, href }) => ({ text, href })),
          empty: 'No reports are waiting for your approval.',
        }
      },
    },
    {
      permission: 'reports:edit',
      load: async (db, actor) => {
        const open = (await panelReports(db, actor)).filter((r) => r.status === 'draft' || r.status === 'approved')
        if (!open.length) return null
        return {
          title: 'Reports in progress',
          items: open.map(({ text, href, status }) => ({ text, href, hint: statusLabels[status] })),
        }
      },
    },
  ],
  recordTypes: {
    report: {
      label: 'Report',
      href: (id) => (id ? `/reports/${id}` : null),
      fields: {
        status: 'Status',
        returnComments: 'Chair’s comments',
        correctionReason: 'Correction',
        kind: 'Kind',
        startYear: 'Year',
        sections: 'Sections',
      },
      formats: { status: (v) => statusLabels[v as keyof typeof statusLabels] ?? String(v) },
    },
    'report-narrative': { label: 'Report narrative', fields: { markdown: 'Text', section: 'Section', slot: 'Part' } },
    'cabinet-paper': {
      label: 'Cabinet paper',
      fields: { meeting: 'Meeting', meetingDate: 'Meeting date', content: 'Paper', versionNumber: 'From version' },
    },
  },
  seed: seedReports,
  matrixIds: async (db, partnershipId) => {
    const rows = await db
      .select({ id: reports.id, kind: reports.kind, startYear: reports.startYear })
      .from(reports)
      .where(eq(reports.partnershipId, partnershipId))
    const approved = rows.find((r) => r.kind === 'annual' && r.startYear === 2015)
    return { '/reports/:id': approved!.id, '/published-reports/:id': approved!.id }
  },
})

/** The home page's lines for reports: named as on the reports page ("Annual report 2016/17"), newest first. */
async function panelReports(db: Database, actor: Actor) {
  const [partnership, rows] = await Promise.all([getPartnership(db, actor.partnershipId), listReports(db, actor)])
  return rows.map((r) => ({
    status: r.status,
    href: `/reports/${r.id}`,
    text: `${r.kind === 'annual' ? 'Annual report' : `${r.groupName} report`} ${formatYear(r.startYear, partnership.yearStartMonth)}`,
  }))
}
