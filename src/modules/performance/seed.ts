import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../../platform/audit.ts'
import type { SeedContext } from '../../platform/modules.ts'
import { standardIndicators } from './catalogue.ts'
import { observationRow } from './observation-row.ts'
import { observationRecordType } from './observations/service.ts'
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

  // The standard catalogue is there already (indicators/registration.ts seeds it first): its values.
  const catalogue = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), eq(indicators.standard, true)))
  for (const { id, code } of catalogue) {
    const rows = [...demoValues(code)].flatMap(([areaCode, byYear]) =>
      [...byYear].map(([startYear, value]) => ({ areaCode, label: yearPeriod(startYear).label, value })),
    )
    const sourceFile = code === 'CLA-RATE' ? demoSourceFiles.cla : demoSourceFiles.cin
    await db.transaction((tx) => loadValues(tx, actor, id, rows, sourceFile))
  }
  for (const [index, own] of demoOwnMeasures.entries()) {
    const rows = Object.entries(own.values).map(([label, value]) => ({ areaCode: demoOwnArea, label, value }))
    const values = { ...own.indicator, standard: false, position: standardIndicators.length + index + 1 }
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
      await loadValues(tx, actor, indicator!.id, rows, demoSourceFiles.local)
    })
  }
}

/**
 * An indicator's demo values, with one audit entry saying how many and from which file: recorded
 * values, as the hand-entry form records them (observations/service.ts), naming the indicator as
 * related, not a second "created" in the indicator's own history.
 */
async function loadValues(
  tx: Database,
  actor: SeedContext['actor'],
  indicatorId: string,
  points: { areaCode: string; label: string; value: number | string }[],
  sourceFile: string,
) {
  const { partnershipId } = actor
  const rows = points.map(({ areaCode, label, value }) =>
    observationRow(partnershipId, indicatorId, areaCode, label, value, { enteredByName, sourceFile }),
  )
  if (!rows.length) return
  await tx.insert(observations).values(rows)
  await recordAudit(tx, actor, {
    action: 'recorded',
    recordType: observationRecordType,
    recordId: null,
    summary: `Loaded ${rows.length} values from ${sourceFile}`,
    related: [{ recordType: 'indicator', recordId: indicatorId }],
    after: { added: rows.length },
  })
}
