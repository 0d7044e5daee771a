import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, chmodSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

/**
 * `npm test`: every tier in one run — unit, integration on PGlite and PostgreSQL, browser.
 * Uses TEST_DATABASE_URL when set (CI starts Debian's cluster); otherwise starts a throw-away
 * PostgreSQL cluster in .test-tmp/ (as the postgres user when run as root, since initdb refuses
 * root) and stops it afterwards. Extra arguments narrow the files: `npm test -- test/accounts.test.ts`.
 */
const root = join(import.meta.dirname, '..')
const tmp = join(root, '.test-tmp')
mkdirSync(tmp, { recursive: true })

function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions.length ? join(base, versions[0]!, 'bin') : null
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function startThrowAwayCluster() {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql`, or set TEST_DATABASE_URL')
  const dataDir = join(tmp, `pg-${process.pid}`)
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] as const : [command, args] as const
    const result = spawnSync(full[0], full[1], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
  }
  if (asRoot) {
    chmodSync(tmp, 0o777)
    spawnSync('chown', ['-R', 'postgres', dataDir])
  }
  run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  // Durability is pointless for throw-away test data; turning it off makes the suite faster.
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  run(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(dataDir, 'server.log'), '-w', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
    },
  }
}

let cluster: Awaited<ReturnType<typeof startThrowAwayCluster>> | null = null
if (!process.env.TEST_DATABASE_URL) {
  cluster = await startThrowAwayCluster()
  process.env.TEST_DATABASE_URL = cluster.url
}

const files = process.argv.slice(2)
const patterns = files.length ? files : ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts']
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...patterns], {
  stdio: 'inherit',
  env: process.env,
  cwd: root,
})
const code: number = await new Promise((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))))
cluster?.stop()
process.exit(code)
