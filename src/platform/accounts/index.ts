import { defineModule } from '../modules.ts'
import { codeToWords, formatDate } from '../views.ts'
import { roleLabel } from '../permissions.ts'
import { ownAccountRoutes } from './own-account-routes.ts'
import { signInRoutes } from './sign-in-routes.ts'
import { userRoutes } from './user-routes.ts'

/** Accounts: signing in, emailed links, and who can sign in with which roles. Part of the platform. */
export const accountsModule = defineModule({
  name: 'accounts',
  permissions: {
    'users:read': {
      description: 'See the accounts of the partnership',
      roles: { administrator: true, 'business-unit': true, chair: true },
    },
    // The business unit runs accounts on a real board: it invites people, resends invitations and changes roles.
    'users:manage': {
      description: 'Invite people, change their roles, disable and enable accounts',
      roles: { administrator: true, 'business-unit': true },
    },
  },
  routes: async (app) => {
    await app.register(signInRoutes)
    await app.register(userRoutes)
    await app.register(ownAccountRoutes)
  },
  navigation: [{ href: '/users', text: 'Accounts', permission: 'users:read', order: 900 }],
  recordTypes: {
    user: {
      label: 'Account',
      href: (id) => (id ? `/users/${id}` : null),
      fields: {
        name: 'Name',
        email: 'Email',
        roles: 'Roles',
        status: 'Status',
        agency: 'Agency',
        directoryEntry: 'Directory entry',
        lastSignedInAt: 'Last signed in',
      },
      formats: {
        roles: (value) => (Array.isArray(value) ? value.map(roleLabel).join(', ') : roleLabel(String(value))),
        status: codeToWords,
        lastSignedInAt: formatDate,
      },
    },
  },
})
