import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * PGlite is a database inside one process: a second process on the same directory starts
 * happily and the two overwrite each other's files, losing writes both acknowledged. So the
 * directory is locked: `<dataDir>/.hub.lock` holds the holder's pid and host, created only if
 * absent. A lock whose process has gone (a crash, `kill -9`) is taken over; one from another host
 * (a container sharing the volume) cannot be checked and is refused. Released on close and on exit.
 */
export class DataDirectoryInUseError extends Error {}

const lockName = '.hub.lock'
/** Directories this process holds: a second opening in the same process is refused too. */
const held = new Set<string>()

export function lockDataDirectory(dataDir: string): () => void {
  const path = join(dataDir, lockName)
  const key = resolve(path)
  const me = { pid: process.pid, host: hostname() }
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, `${me.pid}\n${me.host}\n`, { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readHolder(path)
      if (!holder) continue // released between our two looks: try again
      const stale = holder.host === me.host && (holder.pid === me.pid ? !held.has(key) : !processIsRunning(holder.pid))
      if (!stale) {
        const where = holder.host === me.host ? '' : ` on host ${holder.host}`
        throw new DataDirectoryInUseError(
          `The database directory ${dataDir} is in use by process ${holder.pid}${where}. ` +
            `Only one process may open a PGlite directory: stop that one first (a second server, ` +
            `or \`npm run db:migrate\` beside a running one, would lose data). If no such process is ` +
            `running the app, delete ${path}.`,
        )
      }
      // Its holder has gone without releasing it. (Two processes taking over one stale lock at the
      // same instant could both succeed; starting two at once after a crash is not a case we handle.)
      rmSync(path, { force: true })
      continue
    }
    held.add(key)
    const release = () => {
      process.off('exit', release)
      if (!held.delete(key)) return
      // Only our own lock: never one a later process took over.
      const holder = readHolder(path)
      if (holder?.pid === me.pid && holder.host === me.host) rmSync(path, { force: true })
    }
    process.on('exit', release)
    return release
  }
  throw new DataDirectoryInUseError(`The database directory ${dataDir} could not be locked: ${path} keeps changing.`)
}

function readHolder(path: string): { pid: number; host: string } | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const [pid, host] = text.split('\n')
  // A file we cannot read (half written, edited) counts as held by no running process on this host.
  return { pid: Number.parseInt(pid ?? '', 10) || 0, host: host?.trim() || hostname() }
}

function processIsRunning(pid: number): boolean {
  if (pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
