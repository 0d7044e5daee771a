import type { Database } from '../../db/index.ts'
import { recordAudit } from '../../platform/audit.ts'
import type { SeedContext } from '../../platform/modules.ts'
import { standardIndicators } from './catalogue.ts'
import { observationRow } from './observation-row.ts'
import { yearPeriod } from './periods.ts'
import { indicators, observations, performanceSettings } from './schema.ts'
import { demoNeighbours, demoOwnArea, demoOwnMeasures, demoSourceFiles, demoValues } from './seed-data.ts'

/**
 * The demo's performance data (seed-data.ts): the standard catalogue and two of the partnership's
 * own measures, Oxfordshire as its own authority with its ten statistical neighbours, and the
 * values from 2010/11 to 2016/17 for Oxfordshire, England, the South East and each neighbour. Each
 * indicator and its values are written in one transaction with their audit entries; every value
 * says where it came from ("Demo data", the department's file it stands for).
 */
const enteredByName = 'Demo data'

export async function seedPerformance(db: Database, { partnershipId, actor }: SeedContext) {
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

  // The standard catalogue, straight from catalogue.ts (no shared "add the catalogue" service yet).
  for (const [index, standard] of standardIndicators.entries()) {
    const rows = [...demoValues(standard.code)].flatMap(([areaCode, byYear]) =>
      [...byYear].map(([startYear, value]) => ({ areaCode, label: yearPeriod(startYear).label, value })),
    )
    const sourceFile = standard.code === 'CLA-RATE' ? demoSourceFiles.cla : demoSourceFiles.cin
    await writeIndicator(
      db,
      actor,
      { ...standard, standard: true, target: null, position: index + 1 },
      rows,
      sourceFile,
    )
  }
  for (const [index, own] of demoOwnMeasures.entries()) {
    const rows = Object.entries(own.values).map(([label, value]) => ({ areaCode: demoOwnArea, label, value }))
    const values = { ...own.indicator, standard: false, position: standardIndicators.length + index + 1 }
    await writeIndicator(db, actor, values, rows, demoSourceFiles.local)
  }
}

async function writeIndicator(
  db: Database,
  actor: SeedContext['actor'],
  values: Omit<typeof indicators.$inferInsert, 'partnershipId'>,
  points: { areaCode: string; label: string; value: number | string }[],
  sourceFile: string,
) {
  const { partnershipId } = actor
  await db.transaction(async (tx) => {
    const [indicator] = await tx
      .insert(indicators)
      .values({ ...values, partnershipId })
      .returning()
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: 'indicator',
      recordId: indicator!.id,
      summary: `Added the indicator ${indicator!.name}`,
      after: values,
    })
    const rows = points.map(({ areaCode, label, value }) =>
      observationRow(partnershipId, indicator!.id, areaCode, label, value, { enteredByName, sourceFile }),
    )
    await tx.insert(observations).values(rows)
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: 'indicator',
      recordId: indicator!.id,
      summary: `Loaded ${rows.length} values of ${indicator!.name} from ${sourceFile}`,
      after: { values: rows.length, sourceFile },
    })
  })
}
