import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { dfeImport } from '../src/modules/performance/imports/dfe.ts'
import { templateImport } from '../src/modules/performance/imports/template.ts'
import { recordObservations } from '../src/modules/performance/observations/service.ts'
import { yearPeriod } from '../src/modules/performance/periods.ts'
import { observations, type Indicator } from '../src/modules/performance/schema.ts'
import { accountHolder } from '../src/platform/accounts/sessions.ts'
import { ValidationError } from '../src/platform/errors.ts'
import {
  applyImport,
  checkImport,
  getImportBatch,
  ImportRefusedError,
  uploadImport,
  type ImportDefinition,
} from '../src/platform/imports/index.ts'
import type { Actor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertIndicator, insertStandardIndicators } from './builders/index.ts'
import { appForSuite, demoEmail, type TestApp } from './helpers/app.ts'
import { drivers } from './helpers/database.ts'
import { dfeCsv } from '../src/modules/performance/imports/dfe-file.ts'
import { userByEmail } from './helpers/records.ts'

import {
  buckinghamshire,
  england,
  file,
  fourAreas,
  measures,
  oxfordshire,
  southEast,
} from './helpers/performance-import.ts'

/**
 * Importing performance data: the department's long-format files and our template, through the
 * platform's import pipeline, into observations with their history; and a value entered by hand.
 */
for (const driver of drivers) {
  describe(`performance imports, on ${driver}`, () => {
    const app = appForSuite({ driver })
    let testApp: TestApp
    let db: Database
    let officer: Actor
    let catalogue: Map<string, Indicator>

    before(async () => {
      testApp = app()
      db = testApp.database.db
      officer = accountHolder(await userByEmail(testApp.database, demoEmail['business-unit']))
      catalogue = await insertStandardIndicators(db, officer.partnershipId)
    })

    const definitionOf = (d: unknown) => d as ImportDefinition<unknown>
    async function uploaded(
      content: { fileName: string; content: Buffer },
      definition: unknown = dfeImport,
      options = {},
    ) {
      const { batchId } = await uploadImport(db, officer, definitionOf(definition), content, options)
      await checkImport(db, officer, definitionOf(definition), batchId)
      return getImportBatch(db, officer, definitionOf(definition).kind, batchId)
    }
    const apply = (batchId: string, definition: unknown = dfeImport) =>
      applyImport(db, officer, definitionOf(definition), batchId)
    const current = async (code: string, area: string, period: string) =>
      db
        .select()
        .from(observations)
        .where(
          and(
            eq(observations.indicatorId, catalogue.get(code)!.id),
            eq(observations.areaCode, area),
            eq(observations.period, period),
            isNull(observations.supersededAt),
          ),
        )
        .then((rows) => rows[0])
    const history = (code: string, area: string, period: string) =>
      db
        .select()
        .from(observations)
        .where(
          and(
            eq(observations.indicatorId, catalogue.get(code)!.id),
            eq(observations.areaCode, area),
            eq(observations.period, period),
          ),
        )
        .orderBy(observations.enteredAt)

    it('imports a department file: England, region and authority rows mapped, suppressed values kept as suppressed', async () => {
      const csv = dfeCsv([...measures, 'unpublished_measure'], fourAreas(2000))
      const batch = await uploaded(file(csv))
      assert.equal(batch.status, 'checked')
      assert.deepEqual(batch.errors, [])
      assert.ok(batch.notes.includes('Not in the catalogue, so not taken: unpublished_measure'), batch.notes.join('; '))
      assert.deepEqual(await apply(batch.id), { added: 8, unchanged: 0, replaced: 0 })

      const oxon = await current('CPP-RATE', oxfordshire, '2000/01')
      assert.equal(oxon?.value, 47.9)
      assert.equal(oxon?.periodType, 'year')
      assert.equal(oxon?.periodStart, '2000-04-01')
      assert.equal(oxon?.batchId, batch.id)
      assert.equal(oxon?.sourceFile, batch.fileName)
      assert.equal(oxon?.enteredBy, officer.id)
      assert.equal((await current('CPP-RATE', england, '2000/01'))?.value, 43.3)
      assert.equal((await current('REREF-PC', southEast, '2000/01'))?.suppressed, 'c')
      assert.equal((await current('REREF-PC', southEast, '2000/01'))?.value, null)
      // Found by its old LA code; its suppressed value is not a zero.
      const bucks = await current('CPP-RATE', buckinghamshire, '2000/01')
      assert.deepEqual([bucks?.value, bucks?.suppressed], [null, 'x'])
      assert.equal((await current('REREF-PC', buckinghamshire, '2000/01'))?.value, 19)

      // One audit row for the import's values: the pipeline's, with the counts.
      const audit = await db.select().from(auditLog).where(eq(auditLog.recordId, batch.id))
      assert.deepEqual(audit.map((a) => a.action).sort(), ['applied', 'uploaded'])
      assert.equal((audit.find((a) => a.action === 'applied')!.after as { added: number }).added, 8)
    })

    it('reports each bad row with its line and column, and nothing is imported', async () => {
      const rows = fourAreas(2001)
      rows[1]!.cells = { time_period: '2011-2013' }
      rows[2]!.cells = { new_la_code: 'E99999999' }
      rows[3]!.cells = { old_la_code: '999' }
      rows.push({ area: england, startYear: 2001, values: {}, cells: { geographic_level: 'Ward' } })
      const batch = await uploaded(file(dfeCsv(measures, rows)))
      assert.deepEqual(batch.errors, [
        {
          line: 3,
          column: 'time_period',
          problem: '“2011-2013” is not a period: write it like 201617, 2016/17 or 2017',
        },
        { line: 4, column: 'new_la_code', problem: 'E99999999 is not the code of a local authority we know' },
        { line: 5, column: 'old_la_code', problem: '999 is not the code of a local authority we know' },
        {
          line: 6,
          column: 'geographic_level',
          problem: '“Ward” is not a geographic level the import takes: National, Regional or Local authority',
        },
      ])
      await assert.rejects(apply(batch.id), (e) => e instanceof ImportRefusedError && e.reason === 'errors')
      assert.equal(await current('CPP-RATE', england, '2001/02'), undefined)
    })

    it('reports values that are not numbers, percentages over 100, values below 0 and repeated rows', async () => {
      const rows = fourAreas(2002)
      rows[0]!.values = { cpp_rate: 'about 40', rereferrals_percent: 101.5 }
      rows[2]!.values = { cpp_rate: -1, rereferrals_percent: 'k' }
      rows.push({ ...fourAreas(2002)[2]! })
      const batch = await uploaded(file(dfeCsv(measures, rows)))
      assert.deepEqual(batch.errors, [
        {
          line: 2,
          column: 'cpp_rate',
          problem: '“about 40” is not a number or one of the department’s symbols (c, x, z, low, .., ~, :)',
        },
        { line: 2, column: 'rereferrals_percent', problem: '101.5 is over 100: a percentage must be 100 or less' },
        { line: 4, column: 'cpp_rate', problem: '-1 is below 0: a value must be 0 or more' },
        {
          line: 4,
          column: 'rereferrals_percent',
          problem: '“k” is not a number or one of the department’s symbols (c, x, z, low, .., ~, :)',
        },
        { line: 6, column: null, problem: 'The same area and period is on line 4' },
      ])
      await assert.rejects(apply(batch.id), ImportRefusedError)
      assert.equal(await current('CPP-RATE', southEast, '2002/03'), undefined, 'all or nothing')
    })

    it('changes nothing when the same file comes again, and counts the same values in another file as unchanged', async () => {
      const csv = dfeCsv(measures, fourAreas(2003))
      const first = await uploaded(file(csv))
      await apply(first.id)
      await assert.rejects(
        uploadImport(db, officer, definitionOf(dfeImport), { fileName: 'again.csv', content: Buffer.from(csv) }),
        (e) => e instanceof ValidationError && /already imported on/.test(e.fieldErrors.file!),
      )
      const reordered = dfeCsv(measures, fourAreas(2003).reverse())
      const second = await uploaded(file(reordered))
      assert.deepEqual(await apply(second.id), { added: 0, unchanged: 8, replaced: 0 })
      assert.equal((await history('CPP-RATE', oxfordshire, '2003/04')).length, 1)
    })

    it('replaces earlier values with a later file for the same period, keeping the history', async () => {
      const first = await uploaded(file(dfeCsv(measures, fourAreas(2004, 47.9))))
      await apply(first.id)
      const revised = await uploaded(file(dfeCsv(measures, fourAreas(2004, 48.2))))
      assert.deepEqual(await apply(revised.id), { added: 0, unchanged: 7, replaced: 1 })
      const [was, now] = await history('CPP-RATE', oxfordshire, '2004/05')
      assert.equal(was?.value, 47.9)
      assert.ok(was?.supersededAt)
      assert.equal(was?.supersededByBatchId, revised.id)
      assert.equal(now?.value, 48.2)
      assert.equal(now?.supersededAt, null)
      assert.equal(now?.batchId, revised.id)
      const summary = (await getImportBatch(db, officer, dfeImport.kind, revised.id)).summary
      assert.deepEqual(summary, { added: 0, unchanged: 7, replaced: 1 })
    })

    it('takes a file over the values already held (the demo’s): the same values unchanged, the others replaced and kept', async () => {
      const demo = await current('CPP-RATE', oxfordshire, '2016/17')
      assert.equal(demo?.enteredByName, 'Demo data')
      const batch = await uploaded(file(dfeCsv(measures, fourAreas(2016))))
      // England's 2016/17 values are the department's published ones, in the demo and in the file alike.
      assert.deepEqual(await apply(batch.id), { added: 0, unchanged: 2, replaced: 6 })
      const [was, now] = await history('CPP-RATE', oxfordshire, '2016/17')
      assert.deepEqual(
        [was?.id, was?.supersededByBatchId, now?.value, now?.batchId],
        [demo?.id, batch.id, 47.9, batch.id],
      )
      assert.ok(was?.supersededAt)
      const englandRows = await history('CPP-RATE', england, '2016/17')
      assert.deepEqual(
        englandRows.map((r) => [r.value, r.enteredByName, r.supersededAt]),
        [[43.3, 'Demo data', null]],
      )
      const bucks = await current('CPP-RATE', buckinghamshire, '2016/17')
      assert.deepEqual([bucks?.value, bucks?.suppressed, bucks?.batchId], [null, 'x', batch.id])
    })

    it('takes only the measures chosen, and refuses a choice the catalogue does not offer', async () => {
      const batch = await uploaded(file(dfeCsv(measures, fourAreas(2005))), dfeImport, { measures: ['CPP-RATE'] })
      assert.deepEqual(batch.options, { measures: ['CPP-RATE'] })
      assert.ok(batch.notes.includes('Not chosen, so not taken: rereferrals_percent'), batch.notes.join('; '))
      assert.deepEqual(await apply(batch.id), { added: 4, unchanged: 0, replaced: 0 })
      assert.equal((await current('CPP-RATE', oxfordshire, '2005/06'))?.value, 47.9)
      assert.equal(await current('REREF-PC', oxfordshire, '2005/06'), undefined)
      await assert.rejects(
        uploadImport(db, officer, definitionOf(dfeImport), file(dfeCsv(measures, fourAreas(2005))), {
          measures: ['NOT-A-MEASURE'],
        }),
        (e) =>
          e instanceof ValidationError && e.fieldErrors.measures === 'Which measures to take: select from the list',
      )
    })

    it('imports our template: one value a row, own measures too, with its own bad input reported', async () => {
      const own = await insertIndicator(db, officer.partnershipId, { code: 'MASH-CONTACTS', unit: 'count' })
      const header = 'Indicator code,Area code,Period,Value'
      const good = [
        header,
        'cpp-rate,931,2006/07,44.1',
        `${own.code},${oxfordshire},2006/07 Q1,1204`,
        `CPP-SECOND-PC,${england},2006/07,low`,
      ]
      const batch = await uploaded(file(good.join('\n')), templateImport)
      assert.deepEqual(batch.errors, [])
      assert.deepEqual(await apply(batch.id, templateImport), { added: 3, unchanged: 0, replaced: 0 })
      assert.equal((await current('CPP-RATE', oxfordshire, '2006/07'))?.value, 44.1)
      assert.equal((await current('CPP-SECOND-PC', england, '2006/07'))?.suppressed, 'low')
      const [quarter] = await db.select().from(observations).where(eq(observations.indicatorId, own.id))
      assert.deepEqual([quarter?.period, quarter?.periodType, quarter?.value], ['2006/07 Q1', 'quarter', 1204])

      const rowErrors = await uploaded(
        file([header, 'CPP-RATE,E99999999,2016/17,1', 'CPP-RATE,931,sometime,1', 'CPP-RATE,931,2016/17,'].join('\n')),
        templateImport,
      )
      assert.deepEqual(rowErrors.errors, [
        {
          line: 2,
          column: 'Area code',
          problem: 'E99999999 is not the code of England, a region or a local authority we know',
        },
        {
          line: 3,
          column: 'Period',
          problem: '“sometime” is not a period: write it like 2016/17, 2016/17 Q1 or 2016-04',
        },
        { line: 4, column: 'Value', problem: 'Enter the value' },
      ])
      const fileErrors = await uploaded(
        file(
          [
            header,
            'NO-SUCH,931,2016/17,1',
            'REREF-PC,931,2016/17,120',
            'CPP-RATE,931,2016/17,1',
            'cpp-rate,E10000025,2016/17,2',
          ].join('\n'),
        ),
        templateImport,
      )
      assert.deepEqual(fileErrors.errors, [
        { line: 2, column: 'Indicator code', problem: 'No indicator in the catalogue has the code NO-SUCH' },
        { line: 3, column: 'Value', problem: '120 is over 100: a percentage must be 100 or less' },
        { line: 5, column: null, problem: 'The same indicator, area and period is on line 4' },
      ])
    })

    it('records values by hand through the same write, one audit row each', async () => {
      const period = yearPeriod(2005)
      const id = catalogue.get('CIN-RATE')!.id
      const entered = (value: number) =>
        db.transaction((tx) =>
          recordObservations(
            tx,
            officer,
            [{ indicatorId: id, areaCode: oxfordshire, period, value, suppressed: null }],
            {
              enteredBy: officer.id,
              enteredByName: officer.name,
            },
          ),
        )
      assert.deepEqual(await entered(300), { added: 1, unchanged: 0, replaced: 0 })
      assert.deepEqual(await entered(300), { added: 0, unchanged: 1, replaced: 0 })
      assert.deepEqual(await entered(310.5), { added: 0, unchanged: 0, replaced: 1 })
      const audit = await db.select().from(auditLog).where(eq(auditLog.recordType, 'observation'))
      assert.deepEqual(audit.map((a) => a.action).sort(), ['corrected', 'recorded'])
      assert.match(
        audit.find((a) => a.action === 'corrected')!.summary,
        /Corrected CIN-RATE for E10000025, 2005\/06: 310.5/,
      )
    })
  })
}
