import { and, eq } from 'drizzle-orm'
import { ValidationError } from '../../platform/errors.ts'
import { defineModule, everyRole } from '../../platform/modules.ts'
import { codeToWords, formatDate, monthNames } from '../../platform/views.ts'
import { agencyNameFor, listAgencyOptions } from './agencies/service.ts'
import { directoryNames } from './directory-names.ts'
import { agencyRoutes } from './agencies/routes.ts'
import { groupRoutes } from './groups/routes.ts'
import { agencyTypeLabels, membershipRoleLabels } from './labels.ts'
import { membershipRoutes } from './memberships/routes.ts'
import { listMemberships } from './memberships/service.ts'
import { personChoice, personSearchUrl, searchPersonChoices } from './people/picker.ts'
import { peopleRoutes } from './people/routes.ts'
import { personNameFor } from './people/service.ts'
import { partnershipFigures } from './report/figures.ts'
import { structureSection } from './report/section.ts'
import { membershipDates } from './report/seats.ts'
import { agencies, groupMemberships, groups, people } from './schema.ts'
import { directoryScopes, groupsSittingOnToday } from './scopes.ts'
import { seedDirectory } from './seed.ts'
import { settingsRoutes } from './settings/routes.ts'
import { terminologyLabel } from './settings/presenters.ts'

/**
 * The partnership directory: the partnership's details, its agencies, people, the board and its
 * subgroups, and who sits on them. The example of a module: everything the platform needs from
 * it is declared here.
 */
export const partnershipModule = defineModule({
  name: 'partnership',
  scopes: directoryScopes,
  permissions: {
    'directory:read': {
      description: 'Read the partnership directory',
      roles: { ...everyRole(), 'agency-lead': 'own-agency', 'subgroup-member': 'own-groups' },
    },
    'directory:manage': {
      description: 'Add and change agencies, people, groups and memberships',
      roles: { administrator: true, 'business-unit': true },
    },
    'directory:erase': {
      description: 'Erase a person’s details from the directory at their request (data protection)',
      roles: { administrator: true },
    },
    'partnership:manage': {
      description: 'Change the partnership’s details: name, area, reporting year, what it is called',
      roles: { administrator: true },
    },
  },
  routes: async (app) => {
    await app.register(settingsRoutes)
    await app.register(agencyRoutes)
    await app.register(peopleRoutes)
    await app.register(groupRoutes)
    await app.register(membershipRoutes)
  },
  navigation: [{ href: '/directory', text: 'Directory', permission: 'directory:read', order: 10 }],
  homePanels: [
    {
      permission: 'directory:read',
      load: async (db, actor) => {
        if (!actor.personId) return null
        const seats = (await listMemberships(db, actor, { personId: actor.personId })).filter((m) => m.current)
        return {
          title: 'Your groups',
          items: seats.map((m) => ({
            text: m.groupName,
            href: `/directory/groups/${m.groupId}`,
            hint: membershipRoleLabels[m.role],
          })),
          empty: 'You do not sit on the board or any of its subgroups.',
        }
      },
    },
  ],
  recordTypes: {
    partnership: {
      label: 'Partnership',
      href: () => '/directory/partnership',
      fields: {
        name: 'Name',
        shortName: 'Short name',
        area: 'Area',
        localAuthorityCode: 'Local authority code',
        yearStartMonth: 'Reporting year starts',
        terminology: 'Called',
      },
      formats: {
        yearStartMonth: (value) => monthNames[Number(value) - 1] ?? String(value),
        terminology: terminologyLabel,
      },
    },
    agency: {
      label: 'Agency',
      href: (id) => (id ? `/directory/agencies/${id}` : null),
      fields: { name: 'Name', type: 'Type', contributesFunding: 'Contributes funding', active: 'Active' },
      formats: { type: (value) => agencyTypeLabels[value as keyof typeof agencyTypeLabels] ?? codeToWords(value) },
    },
    person: {
      label: 'Person',
      href: (id) => (id ? `/directory/people/${id}` : null),
      fields: {
        name: 'Name',
        sortName: 'Sort as',
        jobTitle: 'Job title',
        agency: 'Agency',
        email: 'Email',
        leftOn: 'Left on',
        membershipsEnded: 'Memberships ended',
      },
      formats: { leftOn: formatDate },
    },
    group: {
      label: 'Group',
      href: (id) => (id ? `/directory/groups/${id}` : null),
      fields: { name: 'Name', kind: 'Kind', purpose: 'Purpose', active: 'Active' },
      formats: { kind: codeToWords },
    },
    membership: {
      label: 'Membership',
      fields: { person: 'Person', group: 'Group', role: 'Role', startsOn: 'Start date', endsOn: 'End date' },
      formats: {
        role: (value) => membershipRoleLabels[value as keyof typeof membershipRoleLabels] ?? codeToWords(value),
        startsOn: formatDate,
        endsOn: formatDate,
      },
    },
  },
  seed: seedDirectory,
  figures: partnershipFigures,
  sections: [structureSection],
  // The years with memberships on record, so the year picker offers them.
  recordDates: membershipDates,
  matrixIds: async (db, partnershipId) => {
    // Chosen so that even the scoped roles can see them: Grace Lindqvist works for Oxford Health
    // (the agency lead's agency) and sits on Case Review and Governance (the subgroup member's group).
    const [row] = await db
      .select({ agencyId: agencies.id, personId: people.id, groupId: groups.id, membershipId: groupMemberships.id })
      .from(groupMemberships)
      .innerJoin(people, eq(people.id, groupMemberships.personId))
      .innerJoin(agencies, eq(agencies.id, people.agencyId))
      .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
      .where(
        and(
          eq(groupMemberships.partnershipId, partnershipId),
          eq(people.name, 'Grace Lindqvist'),
          eq(groups.name, 'Case Review and Governance'),
        ),
      )
    return {
      '/directory/agencies/:id': row!.agencyId,
      '/directory/people/:id': row!.personId,
      '/directory/groups/:id': row!.groupId,
      '/directory/groups/:id/members/:membershipId': row!.membershipId,
    }
  },
  accountDirectory: {
    describe: async (db, partnershipId, links) => {
      // Both looked up to the end, so a form wrong in both says so in both, whichever answers first.
      const [agency, directoryEntry] = await Promise.allSettled([
        agencyNameFor(db, partnershipId, links.agencyId),
        personNameFor(db, partnershipId, links.personId),
      ])
      const errors = {}
      for (const result of [agency, directoryEntry]) {
        if (result.status === 'fulfilled') continue
        if (!(result.reason instanceof ValidationError)) throw result.reason
        Object.assign(errors, result.reason.fieldErrors)
      }
      if (agency.status === 'rejected' || directoryEntry.status === 'rejected') throw new ValidationError(errors)
      return { agency: agency.value, directoryEntry: directoryEntry.value }
    },
    agencyOptions: (db, partnershipId) => listAgencyOptions(db, partnershipId),
    // People who have left stay choosable, so an account linked to one keeps its link when saved.
    searchPeople: (db, actor, term, limit) => searchPersonChoices(db, actor, term, limit, { includeLeft: true }),
    person: personChoice,
    currentGroupIds: groupsSittingOnToday,
    names: directoryNames,
    personSearchUrl,
  },
})
