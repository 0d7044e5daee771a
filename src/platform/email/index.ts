import { defineModule } from '../modules.ts'
import { outboxRoutes } from './routes.ts'

/** The email outbox's page: what was queued, sent or failed. Part of the platform. */
export const outboxModule = defineModule({
  name: 'email-outbox',
  permissions: {
    'outbox:read': {
      description: 'See the emails the hub has queued and sent',
      roles: { administrator: true, 'business-unit': true },
    },
  },
  routes: outboxRoutes,
  navigation: [{ href: '/outbox', text: 'Email outbox', permission: 'outbox:read', order: 920 }],
})
