import { and, eq } from 'drizzle-orm'
import { defineModule, everyRole } from '../../platform/modules.ts'
import { themeStatusLabel } from './presenters.ts'
import { themeRoutes } from './routes.ts'
import { themes } from './schema.ts'
import { addDefaultThemes } from './service.ts'

export { defaultThemes, type DefaultTheme } from './defaults.ts'
export { addDefaultThemes } from './service.ts'
export {
  replaceThemeTags,
  themeCheckboxItems,
  themeIds,
  themeNames,
  themeOptions,
  themesOfRecords,
  validateThemeIds,
  type ThemeOption,
  type ThemeTagTable,
} from './tagging.ts'

/**
 * The shared taxonomy of learning themes: one editable list per partnership, with which courses,
 * case reviews, audits and resources are tagged. Other modules use what this file exports.
 */
export const themesModule = defineModule({
  name: 'themes',
  permissions: {
    'themes:read': { description: 'Read the partnership’s learning themes', roles: everyRole() },
    'themes:manage': {
      description: 'Add, change, retire and reinstate learning themes',
      roles: { administrator: true, 'business-unit': true },
    },
  },
  routes: themeRoutes,
  navigation: [{ href: '/themes', text: 'Themes', permission: 'themes:manage', order: 85 }],
  recordTypes: {
    theme: {
      label: 'Theme',
      href: (id) => (id ? `/themes/${id}` : null),
      fields: { name: 'Name', description: 'Description', active: 'Status' },
      formats: { active: (value) => themeStatusLabel(value === true || value === 'true') },
    },
  },
  seed: async (db, { actor }) => addDefaultThemes(db, actor),
  matrixIds: async (db, partnershipId) => {
    const [neglect] = await db
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.partnershipId, partnershipId), eq(themes.name, 'Neglect')))
    return { '/themes/:id': neglect!.id }
  },
})
