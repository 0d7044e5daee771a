import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../../platform/audit.ts'
import { insertAudited } from '../../platform/audited-writes.ts'
import { partnerships } from '../../platform/schema.ts'
import type { ImportDefinition } from '../../platform/imports/definition.ts'
import type { SeedContext } from '../../platform/modules.ts'
import { findArea } from './areas.ts'
import { standardIndicators } from './catalogue.ts'
import { templateHeaders, templateImport } from './imports/template.ts'
import { indicators, performanceSettings } from './schema.ts'
import { demoNeighbours, demoOwnArea, demoOwnMeasures, demoSourceFiles, demoValues } from './seed-data.ts'
import { dfeImport } from './imports/dfe.ts'
import { dfeCsv, type DfeFileRow } from './imports/dfe-file.ts'
import { importDemoFile } from '../../platform/imports/demo.ts'
import type { Actor } from '../../platform/permissions.ts'
import { themes } from '../themes/schema.ts'
import { updateIndicator } from './indicators/service.ts'

/**
 * The demo's performance data (seed-data.ts): the standard catalogue and two of the partnership's
 * own measures, Oxfordshire as its own authority with its ten statistical neighbours, and the
 * values from 2010/11 to 2016/17 for Oxfordshire, England, the South East and each neighbour. Each
 * indicator and its values are written in one transaction with their audit entries; every value
 * says where it came from: the standard measures' values are imported as the department's files, through the
 * import pipeline, so each names its import batch and file.
 */

export async function seedPerformance(db: Database, { partnershipId, actor }: SeedContext) {
  // The demo's values are Oxfordshire's: a partnership for another authority (the extra ones tests
  // and benches make) starts with the catalogue alone.
  const [partnership] = await db
    .select({ code: partnerships.localAuthorityCode })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
  if (!partnership?.code || findArea(partnership.code)?.code !== demoOwnArea) return
  const neighbourCodes = demoNeighbours.map((n) => n.code)
  await db.transaction(async (tx) => {
    await tx.insert(performanceSettings).values({ partnershipId, areaCode: demoOwnArea, neighbourCodes })
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: 'performance-settings',
      recordId: partnershipId,
      summary: 'Chose the partnership’s own authority and its statistical neighbours',
      after: { areaCode: demoOwnArea, neighbourCodes },
    })
  })

  // The standard measures' values come as the department's files do, through the import pipeline
  // (the catalogue is there already: indicators/registration.ts seeds it first).
  for (const file of demoDepartmentFiles)
    await importDemoFile(
      db,
      actor,
      dfeImport as unknown as ImportDefinition<never>,
      file.fileName,
      departmentFile(file.codes),
    )
  // The partnership's own measures, added as an officer adds them, then their values in our template.
  const templateRows: string[][] = []
  for (const [index, own] of demoOwnMeasures.entries()) {
    const values = { ...own.indicator, standard: false, position: standardIndicators.length + index + 1 }
    await insertAudited(db, actor, indicators, values, {
      recordType: 'indicator',
      summary: `Added the indicator ${values.name}`,
    })
    for (const [period, value] of Object.entries(own.values))
      templateRows.push([values.code, demoOwnArea, period, String(value)])
  }
  await importDemoFile(db, actor, templateImport as unknown as ImportDefinition<never>, demoSourceFiles.local, [
    [...templateHeaders],
    ...templateRows,
  ])
  await tagDemoMeasures(db, actor, partnershipId)
}

/** Measures tagged with themes as an officer tags them, so the quadrant of evidence reads them (quality assurance). */
export const demoThemeTags: Record<string, string[]> = {
  'CPP-RATE': ['Neglect'],
  'CPP-2YRS-PC': ['Neglect', 'Drift and delay'],
  'REREF-PC': ['Neglect', 'Drift and delay'],
}

async function tagDemoMeasures(db: Database, actor: Actor, partnershipId: string) {
  const themeRows = await db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(eq(themes.partnershipId, partnershipId))
  const measures = await db.select().from(indicators).where(eq(indicators.partnershipId, partnershipId))
  for (const measure of measures) {
    const names = demoThemeTags[measure.code]
    if (!names) continue
    const themeIds = themeRows.filter((theme) => names.includes(theme.name)).map((theme) => theme.id)
    await updateIndicator(db, actor, measure.id, measure.version, {
      target: measure.target,
      position: measure.position,
      themeIds,
    })
  }
}

const demoDepartmentFiles = [
  {
    fileName: 'characteristics-of-children-in-need-2016-17-demo.csv',
    codes: standardIndicators.filter((s) => s.code !== 'CLA-RATE').map((s) => s.code),
  },
  { fileName: 'children-looked-after-2016-17-demo.csv', codes: ['CLA-RATE'] },
]

/** One of the department's files, written from the demo's series. */
function departmentFile(codes: readonly string[]) {
  const columns = codes.map((code) => standardIndicators.find((s) => s.code === code)!.dfeColumn)
  const rows = new Map<string, DfeFileRow>()
  codes.forEach((code, index) => {
    for (const [area, byYear] of demoValues(code))
      for (const [startYear, value] of byYear) {
        const row = rows.get(`${area} ${startYear}`) ?? { area, startYear, values: {} }
        row.values[columns[index]!] = value
        rows.set(`${area} ${startYear}`, row)
      }
  })
  return dfeCsv(columns, [...rows.values()])
}
