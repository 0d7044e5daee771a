import type { SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/index.ts'
import type { Actor } from '../permissions.ts'
import type { PersonChoice } from '../person-picker.ts'

/**
 * What accounts need from the partnership directory, provided by the module that owns agencies
 * and people at its registration (`accountDirectory`), so the platform imports no module.
 */
export interface AccountDirectory {
  /**
   * The names of the agency and directory entry an account points at, checking both belong to the
   * partnership: a ValidationError on `agencyId` or `personId` otherwise.
   */
  describe(
    db: Database,
    partnershipId: string,
    links: { agencyId: string | null; personId: string | null },
  ): Promise<{ agency: string | null; directoryEntry: string | null }>
  /** Agencies as choices: id and name, in name order. */
  agencyOptions(db: Database, partnershipId: string): Promise<{ id: string; name: string }[]>
  /** People matching words of a name (all, for an empty term), as the actor may see them. */
  searchPeople(db: Database, actor: Actor, term: string, limit: number): Promise<PersonChoice[]>
  /** One person as the actor may see them, or null: the account form's current choice. */
  person(db: Database, actor: Actor, id: string): Promise<PersonChoice | null>
  /**
   * The ids of the groups a directory person sits on today, as a subquery on the column holding the
   * person's id (an empty array for none): loaded with the session, for confidential records.
   */
  currentGroupIds(personId: PgColumn | SQL): SQL<string[]>
  /** The names of agencies, people and groups by id (the audit log's entries about confidential access hold ids). */
  names(db: Database, partnershipId: string, ids: readonly string[]): Promise<ReadonlyMap<string, string>>
  /** Where the person picker's autocomplete searches (`?q=words`, answering JSON PersonChoices). */
  personSearchUrl: string
}
