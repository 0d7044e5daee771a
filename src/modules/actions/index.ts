import { defineModule } from '../../platform/modules.ts'

/**
 * The one action tracker: actions raised by every module (case review recommendations now; the
 * business plan, audits and meetings later) through service.ts, their owners' progress updates and
 * evidence, lists by owner, agency, source and status, and "My actions" for everyone signed in.
 */
export const actionsModule = defineModule({
  name: 'actions',
  permissions: {
    'actions:read': {
      description: 'Read the action tracker: all actions, or their own agency’s',
      roles: { 'business-unit': true, chair: true, 'board-member': 'own-agency', 'agency-lead': 'own-agency' },
    },
    'actions:manage': {
      description: 'Change any action’s description, owner and due date, and update or complete any action',
      roles: { 'business-unit': true },
    },
  },
  scopes: { 'own-agency': 'Only the actions their own agency owns' },
  navigation: [{ href: '/actions', text: 'Actions', permission: 'actions:read', order: 45 }],
  recordTypes: {},
})
