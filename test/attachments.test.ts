import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Document, Packer, Paragraph } from 'docx'
import ExcelJS from 'exceljs'
import { and, eq } from 'drizzle-orm'
import {
  attachmentRoutes,
  attachmentsOf,
  checkAttachment,
  contentDisposition,
  deleteAttachment,
  readAttachment,
  sendAttachment,
  storeAttachment,
} from '../src/platform/attachments/index.ts'
import { setConfidentialAccess } from '../src/platform/confidential/index.ts'
import { requireActor } from '../src/platform/http.ts'
import { createSession } from '../src/platform/accounts/sessions.ts'
import { sessionCookieName } from '../src/platform/http.ts'
import { defineModule } from '../src/platform/modules.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { insertPartnership, insertUser } from './builders/index.ts'
import { appForSuite } from './helpers/app.ts'
import { guardedApp, type GuardedApp } from './helpers/confidential.ts'
import { multipart } from './helpers/multipart.ts'

/**
 * File attachments (platform/attachments): the type is the content's, never the name's; the size is
 * limited; a download is an attachment that is never cached; a confidential record's downloads are audited.
 */

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
])
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0,
])
// A Windows program: "MZ" then the DOS stub, whatever it is called.
const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])
const file = (fileName: string, content: Buffer, tooLarge = false) => ({ fileName, content, tooLarge })

async function docx() {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Evidence')] }] }))
}

async function xlsx() {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Evidence').addRow(['Audit', 'Result'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('checking an attachment', () => {
  const limit = 1024 * 1024
  it('takes PDF, DOCX, XLSX, PNG and JPEG by their content, whatever they are called', async () => {
    for (const [name, content, type] of [
      ['policy.pdf', pdf, 'application/pdf'],
      ['no-extension', pdf, 'application/pdf'],
      ['minutes.docx', await docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['data.xlsx', await xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['chart.png', png, 'image/png'],
      ['photo.jpg', jpeg, 'image/jpeg'],
    ] as const)
      assert.deepEqual(await checkAttachment(file(name, content), limit), { contentType: type }, name)
  })

  it('refuses a program called .pdf, a text file, an empty file and one over the limit, saying why', async () => {
    const wrongType = {
      problem: /must be a PDF, Word document \(DOCX\), Excel spreadsheet \(XLSX\), or PNG or JPEG image/,
    }
    assert.match(
      ((await checkAttachment(file('evidence.pdf', program), limit)) as { problem: string }).problem,
      wrongType.problem,
    )
    assert.match(
      ((await checkAttachment(file('notes.pdf', Buffer.from('just words')), limit)) as { problem: string }).problem,
      wrongType.problem,
    )
    assert.deepEqual(await checkAttachment(file('empty.pdf', Buffer.alloc(0)), limit), {
      problem: 'The selected file is empty',
    })
    assert.deepEqual(await checkAttachment(file('big.pdf', pdf, true), limit), {
      problem: 'The selected file must be smaller than 1MB',
    })
    assert.deepEqual(await checkAttachment(file('big.pdf', Buffer.concat([pdf, Buffer.alloc(limit)])), limit), {
      problem: 'The selected file must be smaller than 1MB',
    })
  })

  it('names the download safely in ASCII and UTF-8', () => {
    assert.equal(
      contentDisposition('Évidence "final".pdf'),
      `attachment; filename="_vidence _final_.pdf"; filename*=UTF-8''%C3%89vidence%20%22final%22.pdf`,
    )
  })
})

describe('attachments on records', () => {
  const testApp = appForSuite()
  const recordType = 'attachment-test'
  let partnershipId: string
  let otherPartnershipId: string
  let guarded: GuardedApp
  const recordId = '00000000-0000-4000-8000-00000000a001'
  const users: Record<'allowed' | 'outsider', string> = { allowed: '', outsider: '' }
  const closers: (() => Promise<void>)[] = []
  after(async () => {
    for (const close of closers) await close()
  })

  before(async () => {
    const { db } = testApp().database
    ;({ partnershipId } = await insertPartnership(db))
    ;({ partnershipId: otherPartnershipId } = await insertPartnership(db))
    const password = 'correct horse battery staple'
    users.allowed = (await insertUser(db, partnershipId, { roles: ['business-unit'], password })).id
    users.outsider = (await insertUser(db, partnershipId, { roles: ['subgroup-member'], password })).id
    await setConfidentialAccess(db, systemActor(partnershipId), recordType, recordId, { roles: ['business-unit'] })
    const module = defineModule({
      name: 'attachments-test',
      permissions: {
        'attachments-test:use': {
          description: 'Use test attachments',
          roles: { 'business-unit': true, 'subgroup-member': true },
        },
      },
      recordTypes: { [recordType]: { label: 'Attachment test record' } },
    })
    const small = { ...testApp(), config: { ...testApp().config, attachmentMaxBytes: 2048 } }
    guarded = await guardedApp(small, { after: (close) => closers.push(close) }, module, (app) => {
      const config = { permission: 'attachments-test:use' as const, confidential: { recordType } }
      // The download first: the upload scope is a plugin, registered when the app boots.
      app.get(
        '/records/:id/attachments/:attachmentId',
        { config: { ...config, confidential: { recordType, download: true } } },
        async (request, reply) => {
          const { attachmentId } = request.params as { attachmentId: string }
          const found = await readAttachment(app.db, requireActor(request).partnershipId, attachmentId)
          if (!found || found.recordId !== recordId) return reply.code(404).send('not found')
          return sendAttachment(reply, found)
        },
      )
      void attachmentRoutes(app, (scope) => {
        scope.post('/records/:id/attachments', { config: { ...config, csrf: false } }, async (request, reply) => {
          const actor = requireActor(request)
          try {
            const stored = await app.db.transaction((tx) =>
              storeAttachment(tx, actor, {
                recordType,
                recordId,
                file: (request.body as { file?: unknown }).file,
                maxBytes: app.config.attachmentMaxBytes,
              }),
            )
            return stored.id
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error
            return reply.code(400).send(error.fieldErrors.file)
          }
        })
      })
    })
  })

  async function as(
    userId: string,
    options: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: Buffer },
  ) {
    const token = await createSession(testApp().database.db, userId)
    return guarded.app.inject({ ...options, cookies: { [sessionCookieName]: guarded.app.signCookie(token) } })
  }

  it('stores an upload in PostgreSQL with the partnership, audited, and sends it back as a download never cached', async () => {
    const { db } = testApp().database
    const upload = await as(users.allowed, {
      method: 'POST',
      url: `/records/${recordId}/attachments`,
      ...multipart({}, { name: 'C:\\Users\\me\\policy.pdf', content: pdf, type: 'application/octet-stream' }),
    })
    assert.equal(upload.statusCode, 200, upload.body)
    const id = upload.body
    const [listed] = await attachmentsOf(db, partnershipId, recordType, [recordId])
    assert.equal(listed!.fileName, 'policy.pdf', 'the path is not kept')
    assert.equal(listed!.contentType, 'application/pdf')
    assert.equal(await readAttachment(db, otherPartnershipId, id), null, 'another partnership cannot read it')

    const since = (await db.select({ id: auditLog.id }).from(auditLog)).length
    const download = await as(users.allowed, { method: 'GET', url: `/records/${recordId}/attachments/${id}` })
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="policy.pdf"; filename*=UTF-8''policy.pdf`,
    )
    assert.equal(download.headers['cache-control'], 'no-store')
    assert.equal(download.headers['x-content-type-options'], 'nosniff')
    assert.deepEqual(download.rawPayload, pdf)
    const rows = await db
      .select({ action: auditLog.action, recordType: auditLog.recordType, recordId: auditLog.recordId })
      .from(auditLog)
      .where(and(eq(auditLog.partnershipId, partnershipId), eq(auditLog.recordId, recordId)))
    assert.ok(
      rows.some((row) => row.action === 'download'),
      'the download of a confidential record is audited',
    )
    assert.ok(since > 0)
    const created = await db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'attachment'), eq(auditLog.recordId, id)))
    assert.deepEqual(created, [{ summary: 'Attached policy.pdf' }])

    assert.equal(
      (await as(users.outsider, { method: 'GET', url: `/records/${recordId}/attachments/${id}` })).statusCode,
      404,
    )

    await db.transaction((tx) => deleteAttachment(tx, systemActor(partnershipId), listed!))
    assert.equal(await readAttachment(db, partnershipId, id), null)
    assert.ok(
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'deleted'), eq(auditLog.recordId, id)))
      ).length,
    )
  })

  it('refuses the wrong type and a file over the limit, saying why, and stores nothing', async () => {
    const { db } = testApp().database
    const before = (await attachmentsOf(db, partnershipId, recordType, [recordId])).length
    const renamed = await as(users.allowed, {
      method: 'POST',
      url: `/records/${recordId}/attachments`,
      ...multipart({}, { name: 'evidence.pdf', content: program, type: 'application/pdf' }),
    })
    assert.equal(renamed.statusCode, 400)
    assert.match(renamed.body, /must be a PDF/)
    const big = await as(users.allowed, {
      method: 'POST',
      url: `/records/${recordId}/attachments`,
      ...multipart({}, { name: 'big.pdf', content: Buffer.concat([pdf, Buffer.alloc(4096)]), type: 'application/pdf' }),
    })
    assert.equal(big.statusCode, 400)
    assert.equal(big.body, 'The selected file must be smaller than 2 KB')
    assert.equal((await attachmentsOf(db, partnershipId, recordType, [recordId])).length, before)
  })
})
