import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/index.ts'
import type { AccountDirectory } from './accounts/directory.ts'
import type { FigureDefinition } from './figures.ts'
import type { JobDefinition, RecurringSchedule } from './jobs/index.ts'
import type { SectionDefinition } from './sections.ts'
import { roles, isRole, type Actor, type Grant, type Permission, type Role } from './permissions.ts'

/**
 * A board function is a module, declared in one object in its `index.ts` and listed in
 * `src/app.ts`. The platform reads everything it needs from these declarations — routes,
 * permissions and role grants, scopes, navigation, home-page panels, audit record types, demo
 * data and the permission matrix's route ids — so adding a module never edits `src/platform/`.
 */
export interface ModuleDefinition {
  /** kebab-case, unique. */
  name: string
  /** Registers the module's routes; each declares its permission (platform/http.ts). */
  routes?: (app: FastifyInstance) => Promise<void>
  /** The module's permissions, and the roles that get each: all of it (`true`) or within one of its scopes. */
  permissions?: Record<Permission, { description: string; roles: Partial<Record<Role, Grant>> }>
  /** The scopes the module's grants use, each with what it means. */
  scopes?: Record<string, string>
  /** Entries in the service navigation, shown to people with the permission. */
  navigation?: NavigationEntry[]
  /** Entries in the public site's navigation (public-layout.njk), shown to everyone. */
  publicNavigation?: PublicNavigationEntry[]
  /** Panels on the signed-in home page: what needs this person's attention. */
  homePanels?: HomePanel[]
  /** Record types the module writes to the audit log. */
  recordTypes?: Record<string, RecordTypeDefinition>
  /** Loads the module's demo data into a new demo partnership. */
  seed?: (db: Database, context: SeedContext) => Promise<SeedResult | void>
  /** Real ids for the permission matrix's walk, keyed by route pattern up to the parameter: `/things/:id`. */
  matrixIds?: (db: Database, partnershipId: string) => Promise<Record<string, string>>
  /** The directory accounts link to: provided by the module that owns agencies and people. */
  accountDirectory?: AccountDirectory
  /** Figures computed from the module's records (platform/figures.ts). */
  figures?: FigureDefinition[]
  /** The module's sections of the annual report and subgroup reports (platform/sections.ts). */
  sections?: SectionDefinition[]
  /** The earliest and latest dates the module holds records for, so year pickers offer those years. */
  recordDates?: (db: Database, partnershipId: string) => Promise<(Date | string | null)[]>
  /** Jobs the module queues (platform/jobs): the worker runs them by name. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job checks its own payload
  jobs?: JobDefinition<any>[]
  /** Jobs to run on a schedule: each names one of `jobs`. */
  recurring?: RecurringSchedule[]
}

export interface NavigationEntry {
  href: string
  text: string
  /** null: everyone signed in. */
  permission: Permission | null
  /** Lower comes first; the platform's own entries are 0 (Home) and 900+ (administration). */
  order: number
}

export interface PublicNavigationEntry {
  href: string
  text: string
  /** Lower comes first; the public home page is 0. */
  order: number
}

export interface HomePanel {
  /** Shown only to people with this permission. */
  permission?: Permission
  /** null when there is nothing to show this person. */
  load: (db: Database, actor: Actor) => Promise<HomePanelView | null>
}

export interface HomePanelView {
  title: string
  items: { text: string; href?: string; hint?: string }[]
  /** Said when items is empty. */
  empty?: string
  link?: { href: string; text: string }
}

export interface RecordTypeDefinition {
  /** "Agency", "Person". */
  label: string
  /** Where the record is read; null when it has no page (or the id is unknown). */
  href?: (recordId: string | null) => string | null
  /** Labels for the fields its audit rows hold; fields not listed show their key. */
  fields?: Record<string, string>
  /** Fields stored as codes or dates, shown as words. */
  formats?: Record<string, (value: unknown) => string>
}

export interface SeedContext {
  partnershipId: string
  actor: Actor
  /** Test partnerships use their own email domain, so addresses stay unique across the deployment. */
  emailDomain: string
  /** Modules seeded later may read what earlier ones registered (the reports draft from every module's sections). */
  registry: Registry
  /**
   * Load the demo at full scale (tens of thousands of rows, such as learning's 2016/17 programme):
   * the demo partnership, not the extra partnerships tests and benches make.
   */
  bulk: boolean
}

export interface SeedResult {
  /** Directory links for the demo accounts, by their email local part ("admin", "agency.lead"). */
  accountLinks?: Record<string, { agencyId: string | null; personId: string | null }>
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition
}

/** Everything the platform reads from the modules, checked once at start-up. */
export interface Registry {
  modules: readonly ModuleDefinition[]
  permissions: ReadonlyMap<Permission, Partial<Record<Role, Grant>>>
  navigation: readonly NavigationEntry[]
  publicNavigation: readonly PublicNavigationEntry[]
  homePanels: readonly HomePanel[]
  recordTypes: ReadonlyMap<string, RecordTypeDefinition>
  accountDirectory: AccountDirectory
  /** Every module's figures, in module order. */
  figures: readonly { module: string; definition: FigureDefinition }[]
  /** Every module's report sections, in report order. */
  sections: readonly { module: string; name: string; definition: SectionDefinition }[]
  /** Every module's jobs and schedules, for the job worker. */
  jobs: readonly JobDefinition[]
  recurring: readonly RecurringSchedule[]
}

export function createRegistry(modules: readonly ModuleDefinition[]): Registry {
  const names = new Set<string>()
  const permissions = new Map<Permission, Partial<Record<Role, Grant>>>()
  const recordTypes = new Map<string, RecordTypeDefinition>()
  let accountDirectory: AccountDirectory | undefined
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`Two modules are called ${module.name}`)
    names.add(module.name)
    for (const [permission, { roles: grants }] of Object.entries(module.permissions ?? {}) as [
      Permission,
      { roles: Partial<Record<string, Grant>> },
    ][]) {
      if (permissions.has(permission)) throw new Error(`Permission ${permission} is declared twice (${module.name})`)
      for (const [role, grant] of Object.entries(grants)) {
        if (!isRole(role)) throw new Error(`${module.name} grants ${permission} to an unknown role ${role}`)
        if (grant !== true && !Object.hasOwn(module.scopes ?? {}, grant as string))
          throw new Error(
            `${module.name} grants ${permission} within scope ${String(grant)}, which it does not declare`,
          )
      }
      permissions.set(permission, grants)
    }
    for (const [type, definition] of Object.entries(module.recordTypes ?? {})) {
      if (recordTypes.has(type)) throw new Error(`Record type ${type} is declared twice (${module.name})`)
      recordTypes.set(type, definition)
    }
    if (module.accountDirectory) {
      if (accountDirectory) throw new Error(`Two modules provide the account directory (${module.name})`)
      accountDirectory = module.accountDirectory
    }
  }
  const navigation = modules.flatMap((m) => m.navigation ?? []).sort((a, b) => a.order - b.order)
  for (const entry of navigation)
    if (entry.permission && !permissions.has(entry.permission))
      throw new Error(`Navigation to ${entry.href} needs ${entry.permission}, which no module declares`)
  const publicNavigation = modules.flatMap((m) => m.publicNavigation ?? []).sort((a, b) => a.order - b.order)
  if (!accountDirectory) throw new Error('No module provides the account directory (agencies and people)')
  const figures = modules.flatMap((m) => (m.figures ?? []).map((definition) => ({ module: m.name, definition })))
  const sections = modules
    .flatMap((m) =>
      (m.sections ?? []).map((definition) => ({ module: m.name, name: `${m.name}.${definition.key}`, definition })),
    )
    .sort((a, b) => a.definition.order - b.definition.order)
  const figureNames = new Set<string>()
  for (const { module, definition } of figures) {
    const name = `${module}.${definition.key}`
    if (figureNames.has(name)) throw new Error(`Figure ${name} is declared twice`)
    figureNames.add(name)
  }
  const sectionNames = new Set<string>()
  for (const { module, name, definition } of sections) {
    if (sectionNames.has(name)) throw new Error(`Section ${name} is declared twice`)
    sectionNames.add(name)
    for (const key of definition.figures)
      if (!figureNames.has(`${module}.${key}`))
        throw new Error(`Section ${name} shows ${key}, which ${module} does not declare`)
  }
  const jobs = modules.flatMap((m) => m.jobs ?? [])
  const jobNames = new Set<string>()
  for (const job of jobs) {
    if (jobNames.has(job.name)) throw new Error(`Job ${job.name} is declared twice`)
    jobNames.add(job.name)
  }
  const recurring = modules.flatMap((m) => m.recurring ?? [])
  for (const schedule of recurring)
    if (!jobNames.has(schedule.name)) throw new Error(`Schedule for ${schedule.name}, which no module declares`)
  return {
    modules,
    permissions,
    navigation,
    publicNavigation,
    homePanels: modules.flatMap((m) => m.homePanels ?? []),
    recordTypes,
    accountDirectory,
    figures,
    sections,
    jobs,
    recurring,
  }
}

/** The roles as a grant to all of them, for permissions every role holds. */
export function everyRole(): Record<Role, true> {
  return Object.fromEntries(roles.map((role) => [role, true])) as Record<Role, true>
}
