import { defineImport, type RowProblem } from '../../../platform/imports/index.ts'
import { englandCode, findArea } from '../areas.ts'
import { recordObservations } from '../observations/service.ts'
import { parseValue, rangeProblem } from '../observations/values.ts'
import { parsePeriod, type Period } from '../periods.ts'
import {
  duplicateFinder,
  importCatalogue,
  listed,
  measureItems,
  plannedObservations,
  type CatalogueEntry,
  type ObservationPlan,
} from './lookup.ts'

/**
 * The department's local-authority statistics (Children in need, Children looked after) as it
 * publishes them: long format, one row per area and period (`time_period`, `time_identifier`,
 * `geographic_level`, the area's codes and names), then one column per measure, matched to the
 * catalogue by the indicator's `dfeColumn` (ignoring case). The area is England for a National
 * row, the region for a Regional one, the authority (its new code, else its old one) for a Local
 * authority row. Measures the catalogue does not know are listed in the notes and not taken.
 */
export type DfeColumn =
  | 'timePeriod'
  | 'timeIdentifier'
  | 'level'
  | 'countryCode'
  | 'countryName'
  | 'regionCode'
  | 'regionName'
  | 'newLaCode'
  | 'oldLaCode'
  | 'laName'

export interface DfeRow {
  line: number
  /** Null for a row the import does not take (Inner and Outer London): `skipped` says which. */
  areaCode: string | null
  skipped: string | null
  period: Period
  /** The measure columns' values, by header, as the file gives them. */
  measures: Record<string, string>
}

/** The department's sub-regional rows, published beside the regions: not areas the hub compares with. */
const notTaken: Record<string, string> = { E13000001: 'Inner London', E13000002: 'Outer London' }

const months = 'january february march april may june july august september october november december'.split(' ')

/** `time_period` with `time_identifier`: "201617", "2017", "2016" with "Q1" or with "April". */
export function dfePeriod(timePeriod: string, timeIdentifier: string): Period | null {
  const identifier = timeIdentifier.trim().toLowerCase()
  const quarter = /(?:^|\s)(?:q|quarter\s*)([1-4])$/.exec(identifier)
  if (quarter) return parsePeriod(`${timePeriod} Q${quarter[1]}`)
  if (months.includes(identifier)) return parsePeriod(`${identifier} ${timePeriod}`)
  return parsePeriod(timePeriod)
}

export function parseDfeRow(
  values: Record<DfeColumn, string>,
  line: number,
  measures: Record<string, string>,
): { row: DfeRow } | { errors: RowProblem<DfeColumn>[] } {
  const errors: RowProblem<DfeColumn>[] = []
  const period = dfePeriod(values.timePeriod, values.timeIdentifier)
  if (!period)
    errors.push({
      column: 'timePeriod',
      problem: `“${values.timePeriod}” is not a period: write it like 201617, 2016/17 or 2017`,
    })
  let areaCode: string | null = null
  let skipped: string | null = null
  const level = values.level.toLowerCase().replace(/\s+/g, ' ')
  if (level === 'national') {
    if (values.countryCode && values.countryCode.toUpperCase() !== englandCode)
      errors.push({ column: 'countryCode', problem: `${values.countryCode} is not England (${englandCode})` })
    areaCode = englandCode
  } else if (level === 'regional') {
    const code = values.regionCode.toUpperCase()
    if (notTaken[code]) skipped = notTaken[code]
    else if (!code) errors.push({ column: 'regionCode', problem: 'Enter the region code for a regional row' })
    else if (findArea(code)?.level !== 'regional')
      errors.push({ column: 'regionCode', problem: `${values.regionCode} is not the code of an English region` })
    else areaCode = code
  } else if (level === 'local authority') {
    const column = values.newLaCode ? 'newLaCode' : 'oldLaCode'
    const area = values[column] ? findArea(values[column]) : undefined
    if (!values[column])
      errors.push({ column: 'newLaCode', problem: 'Enter the new or old LA code for a local authority row' })
    else if (area?.level !== 'local-authority')
      errors.push({ column, problem: `${values[column]} is not the code of a local authority we know` })
    else areaCode = area.code
  } else {
    errors.push({
      column: 'level',
      problem: `“${values.level}” is not a geographic level the import takes: National, Regional or Local authority`,
    })
  }
  if (errors.length) return { errors }
  return { row: { line, areaCode, skipped, period: period!, measures } }
}

/**
 * What a checked file comes to: each measure column matched to the catalogue (and to the measures
 * chosen, when any were), each value parsed and checked against its unit, one row per area and period.
 */
export function planDfe(rows: DfeRow[], catalogue: CatalogueEntry[], chosen: string[]): ObservationPlan {
  const plan: ObservationPlan = { observations: [], errors: [], notes: [] }
  const byColumn = new Map(catalogue.filter((c) => c.dfeColumn).map((c) => [c.dfeColumn!.trim().toLowerCase(), c]))
  const headers = Object.keys(rows[0]?.measures ?? {})
  const taken: { header: string; indicator: CatalogueEntry }[] = []
  const unknown: string[] = []
  const retired: string[] = []
  const unchosen: string[] = []
  for (const header of headers) {
    const indicator = byColumn.get(header.trim().toLowerCase())
    if (!indicator) unknown.push(header)
    else if (indicator.retired) retired.push(header)
    else if (chosen.length && !chosen.includes(indicator.code)) unchosen.push(header)
    else taken.push({ header, indicator })
  }
  const inFile = new Set(taken.map((t) => t.indicator.code))
  const missing = catalogue.filter((c) => chosen.includes(c.code) && !inFile.has(c.code)).map((c) => c.name)
  if (!taken.length)
    plan.errors.push({
      line: 1,
      column: null,
      problem: `No column of the file is a measure ${chosen.length ? 'chosen' : 'in the catalogue'}: the catalogue names each measure’s column in the department’s files`,
    })
  if (unknown.length) plan.notes.push(`Not in the catalogue, so not taken: ${listed(unknown)}`)
  if (retired.length) plan.notes.push(`Retired from the catalogue, so not taken: ${listed(retired)}`)
  if (unchosen.length) plan.notes.push(`Not chosen, so not taken: ${listed(unchosen)}`)
  if (missing.length) plan.notes.push(`Chosen but not in the file: ${listed(missing)}`)

  const duplicate = duplicateFinder('area and period')
  const skipped = new Map<string, number>()
  const periods = new Set<string>()
  let empty = 0
  for (const row of rows) {
    if (!row.areaCode) {
      skipped.set(row.skipped!, (skipped.get(row.skipped!) ?? 0) + 1)
      continue
    }
    const repeated = duplicate(`${row.areaCode} ${row.period.label}`, row.line)
    if (repeated) {
      plan.errors.push(repeated)
      continue
    }
    periods.add(row.period.label)
    for (const { header, indicator } of taken) {
      const raw = row.measures[header] ?? ''
      if (raw === '') {
        empty++
        continue
      }
      const parsed = parseValue(raw)
      const problem =
        'problem' in parsed ? parsed.problem : parsed.value !== null ? rangeProblem(parsed.value, indicator.unit) : null
      if (problem) plan.errors.push({ line: row.line, column: header, problem })
      else if (!('problem' in parsed))
        plan.observations.push({ indicatorId: indicator.id, areaCode: row.areaCode, period: row.period, ...parsed })
    }
  }
  if (skipped.size) plan.notes.push(`Rows not taken: ${[...skipped].map(([name, n]) => `${name} (${n})`).join(', ')}`)
  if (empty)
    plan.notes.push(`${empty.toLocaleString('en-GB')} empty ${empty === 1 ? 'cell was' : 'cells were'} left out`)
  if (taken.length && !plan.errors.length)
    plan.notes.push(
      `${plan.observations.length.toLocaleString('en-GB')} values of ${taken.length} ${taken.length === 1 ? 'measure' : 'measures'} (${listed(taken.map((t) => t.indicator.code))}) for ${listed([...periods].sort(), 4)}`,
    )
  return plan
}

export const dfeImport = defineImport<DfeRow, DfeColumn>({
  kind: 'performance-dfe',
  label: 'The department’s statistics',
  columns: [
    { key: 'timePeriod', header: 'time_period', required: true, hint: 'For example, 201617 or 2017' },
    {
      key: 'timeIdentifier',
      header: 'time_identifier',
      hint: 'For example, Reporting year; a quarter or month if the file has them',
    },
    { key: 'level', header: 'geographic_level', required: true, hint: 'National, Regional or Local authority' },
    { key: 'countryCode', header: 'country_code' },
    { key: 'countryName', header: 'country_name' },
    { key: 'regionCode', header: 'region_code', hint: 'The region’s code, like E12000008, on regional rows' },
    { key: 'regionName', header: 'region_name' },
    { key: 'newLaCode', header: 'new_la_code', hint: 'The authority’s code, like E10000025' },
    {
      key: 'oldLaCode',
      header: 'old_la_code',
      hint: 'The old three-figure code, like 931, if the file has no new code',
    },
    { key: 'laName', header: 'la_name' },
  ],
  otherColumns: true,
  otherColumnsHint: {
    header: 'One column per measure',
    hint: 'Matched to the catalogue by each indicator’s column in the department’s files, like cpp_rate. Numbers, or the department’s symbols c, x, z, low or .. for values it does not publish',
  },
  options: [
    {
      key: 'measures',
      label: 'Which measures to take',
      hint: 'Tick the measures to import from the file.',
      noneText: 'Every measure in the file that the catalogue knows',
      items: measureItems,
    },
  ],
  parseRow: parseDfeRow,
  async check(db, actor, rows, options) {
    const plan = planDfe(
      rows.map((r) => r.row),
      await importCatalogue(db, actor.partnershipId),
      options.measures ?? [],
    )
    return { errors: plan.errors, notes: plan.notes }
  },
  async apply(tx, actor, rows, batch) {
    const plan = planDfe(rows, await importCatalogue(tx, actor.partnershipId), batch.options.measures ?? [])
    return recordObservations(tx, actor, plannedObservations(plan), {
      batchId: batch.id,
      sourceFile: batch.fileName,
      enteredBy: actor.id,
      enteredByName: actor.name,
    })
  },
})
