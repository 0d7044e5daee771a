import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { registry } from '../src/app.ts'
import { parseOptions, run, UsageError } from '../src/modules/reports/command.ts'
import { computeFigure } from '../src/platform/figures.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { appForSuite, demoEmail, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { demoReports, docxHtml, download } from './helpers/reports.ts'

/**
 * `npm run report`: drafting what the app would serve, listing every figure, and refusing a bad
 * year, kind or group with a clear message. The command's work (command.ts) is called directly on
 * the test's database; the command itself runs twice as a child process on the test's own
 * PostgreSQL database, once to write a file and once to exit non-zero, as each run spends seconds
 * starting up.
 */

const root = join(import.meta.dirname, '..')
const out = mkdtempSync(join(tmpdir(), 'report-command-'))
after(() => rmSync(out, { recursive: true, force: true }))
const linkBase = 'http://hub.test'

/** The command's work for these arguments, as cli.ts would run it. */
function command(testApp: TestApp, argv: string[]) {
  return run(testApp.database.db, parseOptions(argv), linkBase)
}

interface Exit {
  code: number
  stdout: string
  stderr: string
}

/** `npm run report -- <args>` on a database, as a child process with only the settings it needs. */
function reportProcess(databaseUrl: string, args: string[]): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/modules/reports/cli.ts', ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: databaseUrl,
          BASE_URL: linkBase,
          LOG_LEVEL: 'silent',
          ...(process.env.CHROMIUM_PATH && { CHROMIUM_PATH: process.env.CHROMIUM_PATH }),
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

describe('the report command, run as a process', () => {
  const app = appForSuite({ driver: 'pg' })
  const exits = {} as { written: Exit; badYear: Exit }

  before(async () => {
    const url = app().database.url
    assert.ok(url, 'the test database has a URL for the command')
    const annual = ['--year', '2016/17', '--kind', 'annual', '--format', 'docx', '--out', join(out, 'annual.docx')]

    const [written, badYear] = await Promise.all([
      reportProcess(url, annual),
      reportProcess(url, ['--year', '2016/18', '--kind', 'annual', '--format', 'html', '--out', join(out, 'no.html')]),
    ])
    Object.assign(exits, { written, badYear })
  })

  it('writes the annual report as Word from the database, the same as the app serves', async () => {
    assert.equal(exits.written.code, 0, exits.written.stderr)
    assert.match(exits.written.stderr, /^Wrote .*annual\.docx\n$/)
    const word = await docxHtml(readFileSync(join(out, 'annual.docx')))
    assert.match(word, /^<h1>Oxfordshire Safeguarding Children Board annual report 2016\/17<\/h1>/)
    const officer = await app().signIn(demoEmail['business-unit'])
    const { draft2016 } = await demoReports(app())
    assert.equal(word, await docxHtml(await download(officer, `/reports/${draft2016}/download/docx`, 'docx')))
  })

  it('exits with status 2 and says why for a year that is not a reporting year', () => {
    assert.equal(exits.badYear.code, 2)
    assert.match(exits.badYear.stderr, /^“2016\/18” is not a reporting year: write it like 2016\/17\n\nUsage:\n/)
    assert.equal(exits.badYear.stdout, '')
  })
})

describe('the report command’s work', () => {
  const app = appForSuite()

  it('drafts the annual report as Word with its title and sections', async () => {
    const file = await command(app(), ['--year', '2016/17', '--kind', 'annual', '--format', 'docx', '--out', 'x'])
    const word = await docxHtml(file as Buffer)
    assert.match(word, /^<h1>Oxfordshire Safeguarding Children Board annual report 2016\/17<\/h1>/)
    assert.match(word, /<h2>The board and its subgroups<\/h2>/)
  })

  it('drafts a subgroup’s report, finding the group whatever its capitals, and the cabinet paper', async () => {
    const subgroup = String(
      await command(app(), [
        '--year=2016/17',
        '--kind=subgroup',
        '--group=case review and governance',
        '--format=html',
        '--out=x',
      ]),
    )
    assert.match(subgroup, /<title>Case Review and Governance annual report 2016\/17<\/title>/)
    assert.match(subgroup, /Members of Case Review and Governance in 2016\/17/)
    const paper = String(await command(app(), ['--year=2016/17', '--kind=cabinet-paper', '--format=html', '--out=x']))
    assert.match(paper, /<title>Annual report from the OSCB – 2016\/17<\/title>/)
    assert.match(paper, /RECOMMENDED/)
  })

  it('the published year comes out as approved, and a year with no report is drafted from the records', async () => {
    const published = String(await command(app(), ['--year=2015/16', '--kind=annual', '--format=html', '--out=x']))
    assert.match(published, /Version 1, approved by Helen Ashworth on .*; published on /)
    const fresh = String(await command(app(), ['--year=2017/18', '--kind=annual', '--format=html', '--out=x']))
    assert.match(fresh, /<title>Oxfordshire Safeguarding Children Board annual report 2017\/18<\/title>/)
    assert.match(fresh, /Draft: the figures are worked out from the records/)
  })

  it('lists every registered figure with its module, key, label, value, unit, prose and link', async () => {
    const printed = JSON.parse(String(await command(app(), ['--year', '2016/17', '--figures', '--format', 'json'])))
    assert.equal(printed.length, registry.figures.length)
    for (const [i, { module, definition }] of registry.figures.entries()) {
      const figure = await computeFigure(app().database.db, module, definition, {
        partnershipId: app().partnershipId,
        year: reportingYear(2016),
      })
      assert.deepEqual(printed[i], {
        module,
        key: definition.key,
        label: definition.label,
        value: figure.value,
        unit: definition.unit,
        prose: figure.prose,
        link: figure.link,
        problem: null,
      })
    }
    const csv = parseCsv(String(await command(app(), ['--year', '2016/17', '--figures', '--format', 'csv'])))
    assert.equal(csv.length - 1, registry.figures.length)
    assert.deepEqual(csv[0]!.slice(0, 4), ['Module', 'Key', 'Year', 'Label'])
  })

  const refusals: [string, string[], RegExp][] = [
    ['no year', ['--kind=annual'], /^Give the reporting year: --year 2016\/17$/],
    ['a year that is not one', ['--year=2016/18', '--kind=annual'], /^“2016\/18” is not a reporting year/],
    [
      'a kind there is not',
      ['--year=2016/17', '--kind=quarterly', '--format=html', '--out=x'],
      /^“quarterly” is not a kind of report: use annual, subgroup or cabinet-paper$/,
    ],
    [
      'no kind',
      ['--year=2016/17', '--format=html', '--out=x'],
      /^Give the kind of report: --kind annual, subgroup or cabinet-paper$/,
    ],
    [
      'a subgroup there is not',
      ['--year=2016/17', '--kind=subgroup', '--group=Pancake Committee', '--format=html', '--out=x'],
      /^There is no subgroup called “Pancake Committee”: the subgroups are Case Review and Governance; Performance, Audit and Quality Assurance$/,
    ],
    [
      'a subgroup report without its group',
      ['--year=2016/17', '--kind=subgroup', '--format=html', '--out=x'],
      /^A subgroup report needs --group "<name>"$/,
    ],
    ['a format there is not', ['--year=2016/17', '--kind=annual', '--format=rtf', '--out=x'], /^Give the format/],
    [
      'figures as a document',
      ['--year=2016/17', '--figures', '--format=pdf'],
      /^Figures come as --format json or csv$/,
    ],
  ]
  for (const [what, argv, message] of refusals)
    it(`refuses ${what}, saying what to put right`, async () => {
      await assert.rejects(command(app(), argv), (error: Error) => {
        assert.ok(error instanceof UsageError, error.stack)
        assert.match(error.message, message)
        return true
      })
    })

  it('refuses an option it does not know', () => {
    assert.throws(() => parseOptions(['--yaer', '2016/17']), UsageError)
  })
})
