import { defineModule } from '../modules.ts'
import { auditLogRoutes } from './routes.ts'

/** The audit log's pages. Part of the platform. */
export const auditLogModule = defineModule({
  name: 'audit-log',
  permissions: {
    'audit:read': {
      description: 'Read the audit log of every change and sign-in',
      roles: { administrator: true, 'business-unit': true, chair: true },
    },
  },
  routes: auditLogRoutes,
  navigation: [{ href: '/audit-log', text: 'Audit log', permission: 'audit:read', order: 910 }],
  // Written by every CSV download (platform/exports.ts), whichever module's list it is.
  recordTypes: {
    download: {
      label: 'Download',
      fields: { file: 'File', path: 'Address', rows: 'Rows', filters: 'Filtered by' },
    },
  },
})
