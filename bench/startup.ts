import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort } from '../test/helpers/postgres-cluster.ts'

/**
 * Start-up time: from spawning `npm start` on PGlite, as a user runs it, until /health answers 200.
 * `npm start` builds the assets first (Sass only when the stylesheet is out of date), then runs
 * `tsx src/server.ts`. The first start on an empty data directory is "cold" (PGlite creates the
 * database, migrations run and the demo partnership loads); later starts on it are "warm".
 */
const root = join(import.meta.dirname, '..')

/** The bench's environment without what `npm run bench` added (npm_*), as from a shell. */
const shellEnvironment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')))

const serverEnvironment = (dataDir: string, port: number) => ({
  ...shellEnvironment(),
  NODE_ENV: 'development',
  DATABASE_URL: '',
  PGLITE_DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
})

export async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn('npm', ['start'], {
    cwd: root,
    // Its own process group, so stopping it stops npm, tsx and node together.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: serverEnvironment(dataDir, port),
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true
      resolve()
    }),
  )
  try {
    for (;;) {
      if (exited) throw new Error(`The server exited before answering /health:\n${stderr}`)
      if (performance.now() - started > 60_000)
        throw new Error(`The server did not answer /health within 60 s:\n${stderr}`)
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.status === 200,
        () => false,
      )
      if (ok) return performance.now() - started
      await sleep(20)
    }
  } finally {
    if (!exited) {
      process.kill(-child.pid!, 'SIGTERM')
      const killer = setTimeout(() => !exited && process.kill(-child.pid!, 'SIGKILL'), 5000)
      await exit
      clearTimeout(killer)
    }
  }
}

/** A warm start's steps (bench/startup-phases.ts): when each ended, in ms since the spawn. */
export async function warmStartPhases(dataDir: string): Promise<[string, number][]> {
  const port = await freePort()
  const child = spawn('npx', ['tsx', 'bench/startup-phases.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...serverEnvironment(dataDir, port), BENCH_SPAWNED_AT: String(Date.now()) },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`bench/startup-phases.ts failed:\n${stderr}`)
  return JSON.parse(stdout.trim().split('\n').at(-1)!)
}

/** A cold start, two warm ones to /health, and a third warm one step by step (to listening). */
export async function measureStartup(dataDir: string) {
  const cold = await timeStart(dataDir)
  const warm = [await timeStart(dataDir), await timeStart(dataDir)]
  const phases = await warmStartPhases(dataDir)
  return { cold, warm, phases }
}
