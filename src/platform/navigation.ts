import type { SignedInUser } from './accounts/sessions.ts'
import type { Registry } from './modules.ts'
import { can } from './permissions.ts'

/** The two menus, from the modules' entries: the staff service navigation and the public site's. */

/**
 * The service navigation, from the modules' entries: the sections this person may open, the current
 * one marked. Where one entry's address lies within another's ("My actions" at /actions/mine, within
 * "Actions" at /actions), only the nearer one is marked.
 */
export function mainNavigation(registry: Registry, actor: SignedInUser | null, path: string) {
  if (!actor) return []
  const sections = registry.navigation.filter((section) => !section.permission || can(actor, section.permission))
  const within = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`))
  const current = sections
    .map((section) => section.href)
    .filter(within)
    .sort((a, b) => b.length - a.length)[0]
  return sections.map((section) => ({ href: section.href, text: section.text, active: section.href === current }))
}

/** The public home page: the partnership's public sections. */
export const publicHomePath = '/public'

/** The public site's navigation, from the modules' entries, the current section marked. */
export function publicNavigation(registry: Registry, path: string) {
  return registry.publicNavigation.map((entry) => ({
    href: entry.href,
    text: entry.text,
    // aria-current="page" on the section's own page, "true" on the pages within it.
    current: path === entry.href,
    active: entry.href !== publicHomePath && path.startsWith(`${entry.href}/`),
  }))
}
