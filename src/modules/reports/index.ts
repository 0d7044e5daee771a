import { eq } from 'drizzle-orm'
import { defineModule } from '../../platform/modules.ts'
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
  publicNavigation: [{ href: '/published-reports', text: 'Annual reports', order: 80 }],
  homePanels: [
    {
      permission: 'reports:approve',
      load: async (db, actor) => ({
        title: 'Reports waiting for your approval',
        items: (await listReports(db, actor, { statuses: ['submitted'] })).map((r) => ({
          text: r.title,
          href: `/reports/${r.id}`,
        })),
        empty: 'No reports are waiting for your approval.',
      }),
    },
    {
      permission: 'reports:edit',
      load: async (db, actor) => {
        const open = await listReports(db, actor, { statuses: ['draft', 'submitted', 'approved'] })
        if (!open.length) return null
        return {
          title: 'Reports in progress',
          items: open.map((r) => ({ text: r.title, href: `/reports/${r.id}`, hint: statusLabels[r.status] })),
          link: { href: '/reports', text: 'All reports' },
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
    // The demo's 2016/17 draft (with its cabinet paper) and its published 2015/16 report.
    const draft = rows.find((r) => r.kind === 'annual' && r.startYear === 2016)!
    const published = rows.find((r) => r.kind === 'annual' && r.startYear === 2015)!
    return {
      '/reports/:id': draft.id,
      '/reports/:id/sections/:section': 'partnership.structure',
      '/reports/:id/versions/:number': '1',
      '/reports/:id/download/:format': 'html',
      '/reports/:id/versions/:number/download/:format': 'html',
      '/reports/:id/cabinet-paper/download/:format': 'html',
      '/reports/figures/:module': 'partnership',
      '/published-reports/:id': published.id,
      '/published-reports/:id/download/:format': 'html',
    }
  },
})
