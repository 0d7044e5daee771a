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
}

export const englandCode = 'E92000001'

const region = (code: string, name: string): Area => ({
  code,
  oldCode: null,
  name,
  level: 'regional',
  regionCode: null,
})
const authority = (code: string, oldCode: string, name: string, regionCode: string): Area => ({
  code,
  oldCode,
  name,
  level: 'local-authority',
  regionCode,
})

export const areas: readonly Area[] = [
  { code: englandCode, oldCode: null, name: 'England', level: 'national', regionCode: null },
  region('E12000001', 'North East'),
  region('E12000002', 'North West'),
  region('E12000003', 'Yorkshire and The Humber'),
  region('E12000004', 'East Midlands'),
  region('E12000005', 'West Midlands'),
  region('E12000006', 'East of England'),
  region('E12000007', 'London'),
  region('E12000008', 'South East'),
  region('E12000009', 'South West'),
  // Starter list: the demo's authority and its statistical neighbours (the full list follows).
  authority('E10000025', '931', 'Oxfordshire', 'E12000008'),
  authority('E10000002', '825', 'Buckinghamshire', 'E12000008'),
  authority('E10000003', '873', 'Cambridgeshire', 'E12000006'),
  authority('E10000013', '916', 'Gloucestershire', 'E12000009'),
  authority('E10000015', '919', 'Hertfordshire', 'E12000006'),
  authority('E10000031', '937', 'Warwickshire', 'E12000005'),
  authority('E06000037', '869', 'West Berkshire', 'E12000008'),
  authority('E06000054', '865', 'Wiltshire', 'E12000009'),
  authority('E06000022', '800', 'Bath and North East Somerset', 'E12000009'),
  authority('E06000025', '803', 'South Gloucestershire', 'E12000009'),
  authority('E06000056', '823', 'Central Bedfordshire', 'E12000006'),
]

const byCode = new Map(areas.map((a) => [a.code, a]))
const byOldCode = new Map(areas.filter((a) => a.oldCode).map((a) => [a.oldCode!, a]))

export const areaByCode = (code: string) => byCode.get(code.trim().toUpperCase())

/** An area by its ONS code or old LA code, as a file gives either. */
export const findArea = (code: string) => areaByCode(code) ?? byOldCode.get(code.trim())

export const regionOf = (code: string) => areaByCode(code)?.regionCode ?? null

export const localAuthorities = () => areas.filter((a) => a.level === 'local-authority')
