import type { ActionStatus } from '../actions/schema.ts'
import type { RecommendationStatus, reviewCases } from './schema.ts'

/**
 * The shape of the demo's cases (seed.ts writes them through the module's tables): a case's own
 * fields, with the directory's agencies and people by name, its learning points with their themes
 * by name, its recommendations with their actions, and its learning summary. Everything is
 * pseudonymised and invented; the circumstances are the kind the seed paper's reviews describe.
 */
export type CaseFields = Omit<
  typeof reviewCases.$inferInsert,
  'id' | 'partnershipId' | 'reference' | 'referredByAgencyId' | 'decidedByPersonId' | 'version'
>

export interface DemoAction {
  description: string
  /** A person in the directory. */
  owner: string
  dueOn: string
  status?: Exclude<ActionStatus, 'complete'>
  completed?: { evidence: string; completedOn: string }
}

export interface DemoRecommendation {
  /** An agency in the directory. */
  agency: string
  text: string
  response?: string
  dueOn: string
  status: RecommendationStatus
  completed?: { evidence: string; completedOn: string }
  actions?: DemoAction[]
}

export interface DemoCase {
  reference: string
  fields: CaseFields
  referredBy: string | null
  decidedBy: string | null
  agencies: string[]
  panel: string[]
  /** Each point's text and its themes (themes/defaults.ts names). */
  learningPoints: [string, string[]][]
  recommendations: DemoRecommendation[]
  summary?: { whatHappened: string; whatWeLearned: string; whatToDoDifferently: string }
}

/** The subgroup's members who sit on most review panels. */
export const corePanel = ['Claire Morgan', 'Detective Superintendent Kate Lyons', 'Anna Kowalski']
