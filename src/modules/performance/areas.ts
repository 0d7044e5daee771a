import { authoritiesByRegion } from './areas-data.ts'

/**
 * The areas observations are for, named by their ONS code as the department's files name them:
 * England, the nine regions, and every local authority with children's services (old three-digit
 * LA code too, as older files use it). Reference data for every partnership, kept in code like the
 * bank holiday table; an import refuses a code it does not know.
 */
export type AreaLevel = 'national' | 'regional' | 'local-authority'

export interface Area {
  /** ONS code: "E92000001", "E12000008", "E10000025". */
  code: string
  /** The department's old LA code ("931"); null for England and the regions. */
  oldCode: string | null
  name: string
  level: AreaLevel
  /** The region a local authority is in; null for England and the regions. */
  regionCode: string | null
  /** Other ONS codes the department's files have used for the same authority (areas-data.ts). */
  otherCodes?: readonly string[]
  /** The year the authority began (on 1 April), when it began after 2010. */
  from?: number
  /** The year it was replaced (on 1 April), when it no longer exists. */
  until?: number
}

export const englandCode = 'E92000001'

export const regionNames: Readonly<Record<string, string>> = {
  E12000001: 'North East',
  E12000002: 'North West',
  E12000003: 'Yorkshire and The Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000006: 'East of England',
  E12000007: 'London',
  E12000008: 'South East',
  E12000009: 'South West',
}

export const areas: readonly Area[] = [
  { code: englandCode, oldCode: null, name: 'England', level: 'national', regionCode: null },
  ...Object.entries(regionNames).map(([code, name]): Area => ({
    code,
    oldCode: null,
    name,
    level: 'regional',
    regionCode: null,
  })),
  ...Object.entries(authoritiesByRegion).flatMap(([regionCode, rows]) =>
    rows.map(([code, oldCode, name, change]): Area => ({
      code,
      oldCode,
      name,
      level: 'local-authority',
      regionCode,
      ...change,
    })),
  ),
]

const byCode = new Map(areas.flatMap((a) => [a.code, ...(a.otherCodes ?? [])].map((code) => [code, a] as const)))
const byOldCode = new Map(areas.filter((a) => a.oldCode).map((a) => [a.oldCode!, a]))

/**
 * An area by its ONS code, or by another code the department has used for the same authority
 * (Buckinghamshire's E06000060 finds E10000002): store `area.code`, so a series runs on.
 */
export const areaByCode = (code: string) => byCode.get(code.trim().toUpperCase())

/** An area by its ONS code or old LA code, as a file gives either. */
export const findArea = (code: string) => areaByCode(code) ?? byOldCode.get(code.trim())

export const regionOf = (code: string) => areaByCode(code)?.regionCode ?? null

export const localAuthorities = () => areas.filter((a) => a.level === 'local-authority')

/** "Bournemouth (until 2019)", "Dorset (from 2019)": how a list of authorities names one. */
export function areaLabel(area: Area) {
  if (area.until) return `${area.name} (until ${area.until})`
  if (area.from) return `${area.name} (from ${area.from})`
  return area.name
}
