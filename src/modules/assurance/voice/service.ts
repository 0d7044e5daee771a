import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { chosenPriority } from '../../performance/plan/service.ts'
import { themes } from '../../themes/schema.ts'
import { replaceThemeTags, themeNames, validateThemeIds } from '../../themes/index.ts'
import {
  voiceRecordAgencies,
  voiceRecords,
  voiceRecordThemes,
  type VoiceAudience,
  type VoiceRecord,
} from '../voice-schema.ts'
import type { VoiceRecordInput } from './forms.ts'

/** Voice records: surveys and consultations recorded as evidence, each with its agencies and themes. */

export const voiceRecordType = 'voice-record'
export const voiceHref = (id: string) => `/assurance/voice/${id}`

export type VoiceSort = 'title' | 'audience' | 'method' | 'heldOn' | 'responses'
export interface VoiceFilter {
  audience?: VoiceAudience
  year?: ReportingYear
  sort: VoiceSort
  direction: 'asc' | 'desc'
}

const themeList = sql<string>`coalesce((select string_agg(${themes.name}, ', ' order by ${themes.name})
  from ${voiceRecordThemes} join ${themes} on ${themes.id} = ${voiceRecordThemes.themeId}
  where ${voiceRecordThemes.recordId} = ${voiceRecords.id}), '')`

export async function listVoiceRecords(
  db: Database,
  partnershipId: string,
  filter: VoiceFilter,
  page: { limit: number; offset: number } | null,
) {
  const where = and(
    eq(voiceRecords.partnershipId, partnershipId),
    filter.audience && eq(voiceRecords.audience, filter.audience),
    filter.year && gte(voiceRecords.heldOn, filter.year.start),
    filter.year && lt(voiceRecords.heldOn, filter.year.endExclusive),
  )
  const by = voiceRecords[filter.sort]
  const order = filter.direction === 'desc' ? desc(by) : asc(by)
  const query = db
    .select({
      id: voiceRecords.id,
      title: voiceRecords.title,
      audience: voiceRecords.audience,
      ageBands: voiceRecords.ageBands,
      method: voiceRecords.method,
      heldOn: voiceRecords.heldOn,
      invited: voiceRecords.invited,
      responses: voiceRecords.responses,
      themes: themeList,
    })
    .from(voiceRecords)
    .where(where)
    .orderBy(order, asc(voiceRecords.title))
  const [rows, [count]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(voiceRecords)
      .where(where),
  ])
  return { rows, total: count?.n ?? 0 }
}
export type VoiceRow = Awaited<ReturnType<typeof listVoiceRecords>>['rows'][number]

/** One record with its agencies, themes and priority, or 404. */
export async function getVoiceRecord(db: Database, partnershipId: string, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [record] = await db
    .select()
    .from(voiceRecords)
    .where(and(eq(voiceRecords.id, id), eq(voiceRecords.partnershipId, partnershipId)))
  if (!record) throw new NotFoundError()
  const [agencyRows, themeRows, priority] = await Promise.all([
    db
      .select({ id: agencies.id, name: agencies.name })
      .from(voiceRecordAgencies)
      .innerJoin(agencies, eq(agencies.id, voiceRecordAgencies.agencyId))
      .where(eq(voiceRecordAgencies.recordId, id))
      .orderBy(asc(agencies.name)),
    db
      .select({ id: themes.id, name: themes.name })
      .from(voiceRecordThemes)
      .innerJoin(themes, eq(themes.id, voiceRecordThemes.themeId))
      .where(eq(voiceRecordThemes.recordId, id))
      .orderBy(asc(themes.name)),
    chosenPriority(db, partnershipId, record.planPriorityId),
  ])
  return { record, agencies: agencyRows, themes: themeRows, priority }
}
export type VoiceRecordPage = Awaited<ReturnType<typeof getVoiceRecord>>

/** The partner agencies whose practitioners can be asked: active, and not schools (and any a record already names). */
export function partnerAgencies(db: Database, partnershipId: string, keep: readonly string[] = []) {
  return listAgencyOptions(db, partnershipId, { activeOnly: true, keep })
}

/**
 * Checks the agencies and the priority belong to the partnership; names them for the audit row.
 * Practitioners asked by hand name their agencies; a survey's public link may reach any, so it need not.
 */
async function checkChoices(
  db: Database,
  partnershipId: string,
  input: VoiceRecordInput,
  kept: string[],
  agenciesNeeded = true,
) {
  const offered = await partnerAgencies(db, partnershipId, kept)
  const named = input.agencyIds.map((id) => offered.find((a) => a.id === id))
  if (named.some((a) => !a)) throw new ValidationError({ agencyIds: 'Select agencies from the list' })
  if (agenciesNeeded && input.audience === 'practitioners' && !named.length)
    throw new ValidationError({ agencyIds: 'Select the agencies whose practitioners were asked' })
  const priority = await chosenPriority(db, partnershipId, input.planPriorityId)
  return { agencyNames: named.map((a) => a!.name).join(', '), priority }
}

function columns(input: VoiceRecordInput) {
  const { agencyIds: _a, themeIds: _t, ...set } = input
  return set
}

async function writeAgencies(tx: Database, recordId: string, agencyIds: readonly string[]) {
  await tx.delete(voiceRecordAgencies).where(eq(voiceRecordAgencies.recordId, recordId))
  if (agencyIds.length)
    await tx.insert(voiceRecordAgencies).values(agencyIds.map((agencyId) => ({ recordId, agencyId })))
}

export async function createVoiceRecord(
  db: Database,
  actor: Actor,
  input: VoiceRecordInput,
  extra: { surveyId?: string } = {},
) {
  const { agencyNames, priority } = await checkChoices(db, actor.partnershipId, input, [], !extra.surveyId)
  const chosen = await validateThemeIds(db, actor.partnershipId, input.themeIds)
  const values = { ...columns(input), surveyId: extra.surveyId ?? null }
  return insertAudited(db, actor, voiceRecords, values, {
    recordType: voiceRecordType,
    summary: `Recorded ${input.title}`,
    after: { ...values, agencies: agencyNames, themes: chosen.map((t) => t.name).join(', '), priority },
    alsoWrite: async (tx, id) => {
      await writeAgencies(tx, id, input.agencyIds)
      await replaceThemeTags(
        tx,
        { table: voiceRecordThemes, record: voiceRecordThemes.recordId },
        actor.partnershipId,
        id,
        input.themeIds,
      )
    },
  })
}

export async function updateVoiceRecord(
  db: Database,
  actor: Actor,
  page: VoiceRecordPage,
  version: number,
  input: VoiceRecordInput,
) {
  const { record } = page
  const keptAgencies = page.agencies.map((a) => a.id)
  const keptThemes = page.themes.map((t) => t.id)
  const { agencyNames, priority } = await checkChoices(db, actor.partnershipId, input, keptAgencies, !record.surveyId)
  const chosen = await validateThemeIds(db, actor.partnershipId, input.themeIds, { kept: keptThemes })
  return updateAudited(
    db,
    actor,
    voiceRecords,
    {
      id: record.id,
      version,
      before: record,
      set: columns(input),
      described: {
        before: {
          agencies: page.agencies.map((a) => a.name).join(', '),
          themes: (await themeNames(db, keptThemes)).join(', '),
          priority: page.priority,
        },
        after: { agencies: agencyNames, themes: chosen.map((t) => t.name).join(', '), priority },
      },
      alsoWrite: async (tx) => {
        await writeAgencies(tx, record.id, input.agencyIds)
        await replaceThemeTags(
          tx,
          { table: voiceRecordThemes, record: voiceRecordThemes.recordId },
          actor.partnershipId,
          record.id,
          input.themeIds,
        )
      },
    },
    { recordType: voiceRecordType, summary: `Changed ${input.title}` },
  )
}

export type { VoiceRecord }
