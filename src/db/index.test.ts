import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { openDatabase } from './index.ts'

/**
 * PGlite is one process's database: two processes on one directory both start and each
 * overwrites the other's writes. openDatabase locks the directory so the second refuses.
 */
describe('a PGlite data directory is opened by one process at a time', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sph-lock-'))
  const lockFile = join(dataDir, '.hub.lock')
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('refuses a second opening while the first holds it, naming the directory and the holder', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir })
    try {
      assert.equal(readFileSync(lockFile, 'utf8').split('\n')[0], String(process.pid))
      await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), (error: Error) => {
        assert.ok(error.message.includes(dataDir), error.message)
        assert.ok(error.message.includes(`process ${process.pid}`), error.message)
        return true
      })
    } finally {
      await first.close()
    }
    assert.equal(existsSync(lockFile), false, 'closing releases the lock')
    const again = await openDatabase({ kind: 'pglite', dataDir })
    await again.close()
  })

  it('takes over a lock left by a process that is no longer running', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(lockFile, `${exited}\n${hostname()}\n`)
    const database = await openDatabase({ kind: 'pglite', dataDir })
    try {
      assert.equal(readFileSync(lockFile, 'utf8').split('\n')[0], String(process.pid))
      await database.ping()
    } finally {
      await database.close()
    }
  })

  it('refuses a lock held by a running process, and one from another machine it cannot check', async () => {
    const running = process.ppid
    writeFileSync(lockFile, `${running}\n${hostname()}\n`)
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), new RegExp(`in use by process ${running}`))
    writeFileSync(lockFile, `${process.pid}\nanother-container\n`)
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), /another-container/)
    rmSync(lockFile)
  })
})
