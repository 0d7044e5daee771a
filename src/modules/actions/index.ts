import { asc, eq } from 'drizzle-orm'
import { defineModule } from '../../platform/modules.ts'
import { formatDate } from '../../platform/views.ts'
import { actionScopes } from './access.ts'
import { actionRoutes } from './action-routes.ts'
import { actionStatusLabels } from './labels.ts'
import { countActions, listActions } from './list.ts'
import { homePanelItems } from './presenters.ts'
import { actionListRoutes } from './routes.ts'
import { actions, type ActionStatus } from './schema.ts'

/** How many of the person's open actions the home page lists, soonest due first. */
const homePanelSize = 5

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
    'actions:update': {
      description:
        'Add progress updates to actions and complete them with evidence: any action, or their own agency’s (an action’s owner always may)',
      roles: { 'business-unit': true, 'agency-lead': 'own-agency' },
    },
    'actions:manage': {
      description: 'Change any action’s description, owner and due date, and reopen a completed action',
      roles: { 'business-unit': true },
    },
  },
  scopes: actionScopes,
  routes: async (app) => {
    await app.register(actionListRoutes)
    await app.register(actionRoutes)
  },
  navigation: [
    { href: '/actions', text: 'Actions', permission: 'actions:read', order: 45 },
    { href: '/actions/mine', text: 'My actions', permission: null, order: 46 },
  ],
  homePanels: [
    {
      load: async (db, actor) => {
        if (!actor.personId) return null
        const open = { mine: true, status: 'open' as const }
        const [rows, total] = await Promise.all([
          listActions(db, actor, { ...open, sort: 'due', direction: 'asc' }, { limit: homePanelSize, offset: 0 }),
          countActions(db, actor, open),
        ])
        return {
          title: 'Your actions',
          items: homePanelItems(rows),
          empty: 'You have no open actions.',
          link: {
            href: '/actions/mine',
            text: total > rows.length ? `See all ${total} of your open actions` : 'See all your actions',
          },
        }
      },
    },
  ],
  recordTypes: {
    action: {
      label: 'Action',
      href: (id) => (id ? `/actions/${id}` : null),
      fields: {
        description: 'Action',
        sourceType: 'Source type',
        sourceLabel: 'Source',
        sourceHref: 'Source address',
        owner: 'Owner',
        agency: 'Agency',
        dueOn: 'Due date',
        status: 'Status',
        evidence: 'Evidence of completion',
        completedOn: 'Completed on',
        writtenOn: 'Progress date',
        note: 'Progress update',
      },
      formats: {
        status: (value) => actionStatusLabels[value as ActionStatus] ?? String(value),
        dueOn: formatDate,
        completedOn: formatDate,
        writtenOn: formatDate,
      },
    },
  },
  // No demo actions of the tracker's own: they come from the records that raise them (the case
  // reviews' recommendations), so the walk opens the partnership's first.
  matrixIds: async (db, partnershipId): Promise<Record<string, string>> => {
    const [first] = await db
      .select({ id: actions.id })
      .from(actions)
      .where(eq(actions.partnershipId, partnershipId))
      .orderBy(asc(actions.createdAt), asc(actions.id))
      .limit(1)
    return first ? { '/actions/:id': first.id } : {}
  },
})
