import { areas, areaByCode, englandCode, type Area } from '../areas.ts'

/**
 * Files in the shape the department publishes its local-authority statistics (long format: the
 * period, the geographic level, the area's codes and names, then one column per measure): the demo
 * imports its values as such files, and the tests and the bench build theirs with it. `cells`
 * overrides any column of a row, to make bad input.
 */
export const dfeAreaColumns = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
] as const

export interface DfeFileRow {
  /** ONS code of England, a region or an authority. */
  area: string
  /** The department's year as it writes it: 2016 → "201617". */
  startYear: number
  values: Record<string, string | number>
  /** Leave the new code out, as older files do. */
  oldCodeOnly?: boolean
  cells?: Partial<Record<(typeof dfeAreaColumns)[number], string>>
}

export const dfeYear = (startYear: number) => `${startYear}${String((startYear + 1) % 100).padStart(2, '0')}`

const quoted = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

function areaCells(area: Area, oldCodeOnly: boolean) {
  const region = area.regionCode ? areaByCode(area.regionCode)! : area.level === 'regional' ? area : null
  const level = { national: 'National', regional: 'Regional', 'local-authority': 'Local authority' }[area.level]
  return {
    geographic_level: level,
    country_code: englandCode,
    country_name: 'England',
    region_code: region?.code ?? '',
    region_name: region?.name ?? '',
    old_la_code: area.oldCode ?? '',
    new_la_code: area.level === 'local-authority' && !oldCodeOnly ? area.code : '',
    la_name: area.level === 'local-authority' ? area.name : '',
  }
}

export function dfeCsv(measures: readonly string[], rows: DfeFileRow[]): string {
  const lines = [[...dfeAreaColumns, ...measures].join(',')]
  for (const row of rows) {
    const area = areaByCode(row.area)
    if (!area) throw new Error(`No area ${row.area} in areas.ts`)
    const cells: Record<string, string> = {
      time_period: dfeYear(row.startYear),
      time_identifier: 'Reporting year',
      ...areaCells(area, row.oldCodeOnly ?? false),
      ...row.cells,
    }
    lines.push(
      [...dfeAreaColumns.map((c) => cells[c] ?? ''), ...measures.map((m) => String(row.values[m] ?? ''))]
        .map(quoted)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

/** A national file: England, every region and every authority in areas.ts, for each year, each measure's value from `value`. */
export function nationalDfeCsv(
  measures: readonly string[],
  startYears: readonly number[],
  value: (measure: string, area: Area, startYear: number) => string | number,
) {
  const rows: DfeFileRow[] = []
  for (const startYear of startYears)
    for (const area of areas)
      rows.push({
        area: area.code,
        startYear,
        values: Object.fromEntries(measures.map((m) => [m, value(m, area, startYear)])),
      })
  return dfeCsv(measures, rows)
}
