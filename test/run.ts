import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { startThrowAwayCluster, type ThrowAwayCluster } from './helpers/postgres-cluster.ts'

/**
 * `npm test`: every tier in one run — unit, integration on PGlite and PostgreSQL, browser.
 * Uses TEST_DATABASE_URL when set (CI starts Debian's cluster); otherwise starts a throw-away
 * PostgreSQL cluster in .test-tmp/ (as the postgres user when run as root, since initdb refuses
 * root) and stops it afterwards. Extra arguments narrow the files: `npm test -- test/accounts.test.ts`.
 */
const root = join(import.meta.dirname, '..')
const tmp = join(root, '.test-tmp')
mkdirSync(tmp, { recursive: true })

let cluster: ThrowAwayCluster | null = null
if (!process.env.TEST_DATABASE_URL) {
  cluster = await startThrowAwayCluster(tmp)
  process.env.TEST_DATABASE_URL = cluster.url
}

/** Node 20's runner takes no globs, so the test files are listed here: every *.test.ts under these folders. */
function testFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}

const requested = process.argv.slice(2)
const files = requested.length ? requested : ['src', 'test', 'e2e'].flatMap(testFiles).sort()
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: process.env,
    cwd: root,
  },
)
const code: number = await new Promise((resolve) =>
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))),
)
cluster?.stop()
process.exit(code)
