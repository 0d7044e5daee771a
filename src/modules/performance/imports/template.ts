import { defineImport, type RowProblem } from '../../../platform/imports/index.ts'
import { findArea } from '../areas.ts'
import { recordObservations } from '../observations/service.ts'
import { parseValue, rangeProblem } from '../observations/values.ts'
import { parsePeriod, type Period } from '../periods.ts'
import {
  duplicateFinder,
  importCatalogue,
  listed,
  plannedObservations,
  type CatalogueEntry,
  type ObservationPlan,
} from './lookup.ts'

/**
 * Our own template: one value per row (indicator code, area code, period, value), for the
 * partnership's own measures and for anything the department does not publish in its files.
 */
export type TemplateColumn = 'indicator' | 'area' | 'period' | 'value'

export interface TemplateRow {
  line: number
  indicatorCode: string
  areaCode: string
  period: Period
  value: number | null
  suppressed: string | null
}

export const templateHeaders = ['Indicator code', 'Area code', 'Period', 'Value'] as const

export function parseTemplateRow(
  values: Record<TemplateColumn, string>,
  line: number,
): { row: TemplateRow } | { errors: RowProblem<TemplateColumn>[] } {
  const errors: RowProblem<TemplateColumn>[] = []
  const area = findArea(values.area)
  if (!area)
    errors.push({
      column: 'area',
      problem: `${values.area} is not the code of England, a region or a local authority we know`,
    })
  const period = parsePeriod(values.period)
  if (!period)
    errors.push({
      column: 'period',
      problem: `“${values.period}” is not a period: write it like 2016/17, 2016/17 Q1 or 2016-04`,
    })
  const value = parseValue(values.value)
  if ('problem' in value) errors.push({ column: 'value', problem: value.problem })
  if (errors.length || 'problem' in value) return { errors }
  return {
    row: { line, indicatorCode: values.indicator.toUpperCase(), areaCode: area!.code, period: period!, ...value },
  }
}

/** Each row's indicator found in the catalogue by its code, its value checked against the unit; one row per indicator, area and period. */
export function planTemplate(rows: TemplateRow[], catalogue: CatalogueEntry[]): ObservationPlan {
  const plan: ObservationPlan = { observations: [], errors: [], notes: [] }
  const byCode = new Map(catalogue.map((c) => [c.code.toUpperCase(), c]))
  const duplicate = duplicateFinder('indicator, area and period')
  const retired = new Set<string>()
  for (const row of rows) {
    const indicator = byCode.get(row.indicatorCode)
    if (!indicator) {
      plan.errors.push({
        line: row.line,
        column: 'indicator',
        problem: `No indicator in the catalogue has the code ${row.indicatorCode}`,
      })
      continue
    }
    if (indicator.retired) retired.add(indicator.code)
    const repeated = duplicate(`${indicator.id} ${row.areaCode} ${row.period.label}`, row.line)
    const problem = row.value === null ? null : rangeProblem(row.value, indicator.unit)
    if (repeated) plan.errors.push(repeated)
    else if (problem) plan.errors.push({ line: row.line, column: 'value', problem })
    else
      plan.observations.push({
        indicatorId: indicator.id,
        areaCode: row.areaCode,
        period: row.period,
        value: row.value,
        suppressed: row.suppressed,
      })
  }
  if (retired.size) plan.notes.push(`Values of retired indicators are imported too: ${listed([...retired])}`)
  return plan
}

export const templateImport = defineImport<TemplateRow, TemplateColumn>({
  kind: 'performance-template',
  label: 'Performance values',
  columns: [
    {
      key: 'indicator',
      header: templateHeaders[0],
      aliases: ['Indicator', 'Code'],
      required: true,
      hint: 'The indicator’s code in the catalogue, like CPP-RATE',
    },
    {
      key: 'area',
      header: templateHeaders[1],
      aliases: ['Area', 'LA code', 'ONS code'],
      required: true,
      hint: 'E92000001 for England, a region’s code like E12000008, or an authority’s code like E10000025 (or old code, like 931)',
    },
    {
      key: 'period',
      header: templateHeaders[2],
      required: true,
      hint: 'A year like 2016/17, a quarter like 2016/17 Q1, or a month like 2016-04',
    },
    {
      key: 'value',
      header: templateHeaders[3],
      required: true,
      hint: 'A number, or the department’s symbol for a value not published: c, x, z, low or ..',
    },
  ],
  parseRow: parseTemplateRow,
  async check(db, actor, rows) {
    const plan = planTemplate(
      rows.map((r) => r.row),
      await importCatalogue(db, actor.partnershipId),
    )
    return { errors: plan.errors, notes: plan.notes }
  },
  async apply(tx, actor, rows, batch) {
    const plan = planTemplate(rows, await importCatalogue(tx, actor.partnershipId))
    return recordObservations(tx, actor, plannedObservations(plan), {
      batchId: batch.id,
      sourceFile: batch.fileName,
      enteredBy: actor.id,
      enteredByName: actor.name,
    })
  },
})
