import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

/**
 * A throw-away PostgreSQL cluster for `npm test` and `npm run bench` when TEST_DATABASE_URL is
 * not set. Run as root, it runs as the postgres user, since initdb refuses root.
 */

function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? join(base, versions[0]!, 'bin') : null
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export interface ThrowAwayCluster {
  url: string
  stop(): void
}

/** Starts a cluster with its data in `tmp`; `stop` shuts it down and deletes the data. */
export async function startThrowAwayCluster(tmp: string): Promise<ThrowAwayCluster> {
  const bin = findPostgresBin()
  if (!bin)
    throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql`, or set TEST_DATABASE_URL')
  mkdirSync(tmp, { recursive: true })
  const dataDir = join(tmp, `pg-${process.pid}`)
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) => {
    const full = asRoot
      ? (['runuser', ['-u', 'postgres', '--', command, ...args]] as const)
      : ([command, args] as const)
    const result = spawnSync(full[0], full[1], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
  }
  if (asRoot) {
    chmodSync(tmp, 0o777)
    spawnSync('chown', ['-R', 'postgres', dataDir])
  }
  run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  // Durability is pointless for throw-away data; turning it off makes the suite faster.
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
