import type { RowProblem } from '../../../platform/imports/index.ts'
import { optionalEmail } from '../../../platform/forms.ts'

/**
 * A list of schools, row by row, against the directory as it is: which schools are new, which
 * changed (name, designated safeguarding lead), which are as they were, and the problems that stop
 * the import. Pure, so the import's check and its apply plan the same way.
 */
export type SchoolColumn = 'urn' | 'name' | 'dslName' | 'dslEmail'

export interface SchoolRow {
  /** Six digits. */
  urn: string
  name: string
  dslName: string | null
  /** Lower case. */
  dslEmail: string | null
}

export const dslJobTitle = 'Designated safeguarding lead'
export const urnShape = /^\d{6}$/

export function parseSchool(
  values: Record<SchoolColumn, string>,
): { row: SchoolRow } | { errors: RowProblem<SchoolColumn>[] } {
  const errors: RowProblem<SchoolColumn>[] = []
  const urn = values.urn.replace(/\s+/g, '')
  if (!urnShape.test(urn)) errors.push({ column: 'urn', problem: `URN must be 6 digits, like 123456` })
  const name = values.name.replace(/\s+/g, ' ')
  if (!name) errors.push({ column: 'name', problem: 'Enter the school’s name' })
  else if (name.length > 200) errors.push({ column: 'name', problem: 'School name must be 200 characters or less' })
  const dslName = values.dslName.replace(/\s+/g, ' ') || null
  if (dslName && dslName.length > 200)
    errors.push({ column: 'dslName', problem: 'Designated safeguarding lead must be 200 characters or less' })
  const email = optionalEmail().safeParse(values.dslEmail)
  if (!email.success) errors.push({ column: 'dslEmail', problem: email.error.issues[0]!.message })
  else if (email.data && !dslName)
    errors.push({ column: 'dslName', problem: 'Enter the designated safeguarding lead’s name as well as their email' })
  if (errors.length) return { errors }
  return { row: { urn, name, dslName, dslEmail: email.success ? email.data : null } }
}

/** What the directory holds that a list of schools touches. */
export interface SchoolsDirectory {
  /** Every agency of the partnership (names are unique across all of them). */
  agencies: { id: string; name: string; type: string; urn: string | null; active: boolean; version: number }[]
  /** The schools' current designated safeguarding leads, by school. */
  leads: { id: string; agencyId: string; name: string; email: string | null; version: number }[]
  /** Directory people with an email the file gives. */
  emails: { id: string; email: string }[]
}

export type SchoolsDirectoryAgency = SchoolsDirectory['agencies'][number]
export type SchoolsDirectoryLead = SchoolsDirectory['leads'][number]

export interface PlannedSchool {
  row: SchoolRow
  /** The school already in the directory (by URN), or none: a new one. */
  school: SchoolsDirectoryAgency | null
  schoolChanged: boolean
  /** The school's current designated safeguarding lead, when it has one. */
  lead: SchoolsDirectoryLead | null
  leadChanged: boolean
}

export interface SchoolsPlan {
  schools: PlannedSchool[]
  errors: { line: number; column: SchoolColumn; problem: string }[]
}

const key = (text: string) => text.toLowerCase()

export function planSchools(rows: { line: number; row: SchoolRow }[], directory: SchoolsDirectory): SchoolsPlan {
  const plan: SchoolsPlan = { schools: [], errors: [] }
  const byUrn = new Map(directory.agencies.filter((a) => a.urn).map((a) => [a.urn!, a]))
  const byName = new Map(directory.agencies.map((a) => [key(a.name), a]))
  const leadOf = new Map(directory.leads.map((p) => [p.agencyId, p]))
  const emailOwner = new Map(directory.emails.map((p) => [key(p.email), p.id]))
  const urnLines = new Map<string, number>()
  const nameLines = new Map<string, number>()
  const emailLines = new Map<string, number>()
  for (const { line, row } of rows) {
    const problems: SchoolsPlan['errors'] = []
    const problem = (column: SchoolColumn, text: string) => problems.push({ line, column, problem: text })
    const school = byUrn.get(row.urn) ?? null
    const lead = school ? (leadOf.get(school.id) ?? null) : null
    const seenUrn = urnLines.get(row.urn)
    if (seenUrn) problem('urn', `URN ${row.urn} is also on line ${seenUrn}: give each school once`)
    else urnLines.set(row.urn, line)
    const seenName = nameLines.get(key(row.name))
    const namesake = byName.get(key(row.name))
    if (seenName)
      problem('name', `Line ${seenName} has the same school name: add the town, like “${row.name}, Banbury”`)
    else if (namesake && namesake.id !== school?.id)
      problem(
        'name',
        `The directory already has an agency called ${namesake.name}${namesake.urn ? ` (URN ${namesake.urn})` : ''}`,
      )
    nameLines.set(key(row.name), seenName ?? line)
    if (row.dslEmail) {
      const seenEmail = emailLines.get(row.dslEmail)
      const owner = emailOwner.get(row.dslEmail)
      if (seenEmail) problem('dslEmail', `Line ${seenEmail} gives the same DSL email: each person’s email must differ`)
      else if (owner && owner !== lead?.id)
        problem('dslEmail', `${row.dslEmail} is the email of someone else in the directory`)
      emailLines.set(row.dslEmail, seenEmail ?? line)
    }
    if (problems.length) {
      plan.errors.push(...problems)
      continue
    }
    plan.schools.push({
      row,
      school,
      schoolChanged: !!school && (school.name !== row.name || !school.active),
      lead,
      leadChanged: !!lead && !!row.dslName && (lead.name !== row.dslName || lead.email !== row.dslEmail),
    })
  }
  return plan
}
