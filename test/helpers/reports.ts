import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, asc, eq, isNull } from 'drizzle-orm'
import mammoth from 'mammoth'
import { groups } from '../../src/modules/partnership/schema.ts'
import { reports } from '../../src/modules/reports/schema.ts'
import { auditLog } from '../../src/platform/schema.ts'
import type { Session, TestApp } from './app.ts'
import { formVersion, textOf } from './html.ts'

/**
 * Reading the reports module's pages and files in tests: the demo's reports by name, the document
 * part of a report page, a workflow button pressed as the person would, and a download read back
 * the way its reader gets it (Word through mammoth, PDF through pdftotext).
 */

/**
 * The demo's reports: 2015/16 (published), 2016/17 (draft), and the 2016/17 reports of the Case Review
 * and Governance and the Performance, Audit and Quality Assurance subgroups.
 */
export async function demoReports(testApp: TestApp) {
  const db = testApp.database.db
  const annual = async (startYear: number) => {
    const [row] = await db
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.partnershipId, testApp.partnershipId),
          eq(reports.kind, 'annual'),
          eq(reports.startYear, startYear),
          isNull(reports.groupId),
        ),
      )
    assert.ok(row, `no annual report for ${startYear}`)
    return row.id
  }
  const subgroup = async (name: string) => {
    const [row] = await db
      .select({ id: reports.id })
      .from(reports)
      .innerJoin(groups, eq(groups.id, reports.groupId))
      .where(and(eq(reports.partnershipId, testApp.partnershipId), eq(groups.name, name)))
    assert.ok(row, `no ${name} report`)
    return row.id
  }
  return {
    published2015: await annual(2015),
    draft2016: await annual(2016),
    caseReview2016: await subgroup('Case Review and Governance'),
    qualityAssurance2016: await subgroup('Performance, Audit and Quality Assurance'),
  }
}

/** The report itself on a page (title, sections, figures, tables, charts), without the forms and history around it. */
export function documentPart(body: string) {
  const start = body.indexOf('<div class="app-document">')
  assert.notEqual(start, -1, 'no document on the page')
  const rest = body.slice(start)
  const end = rest.search(
    /<h2 class="govuk-heading-(m|l)"( id="(history|changes)")?>(Approved versions|History|What changed|Download)/,
  )
  return end === -1 ? rest : rest.slice(0, end)
}

/** The narrative paragraphs of a document, as text. */
export function narrativeText(body: string) {
  return [...documentPart(body).matchAll(/<div class="app-document__narrative">([\s\S]*?)<\/div>/g)]
    .map(([, html]) => textOf(html!))
    .join('\n')
}

/** A row of the figures table of a section: this year's value and last year's, by the figure's label. */
export function figureRow(body: string, label: string) {
  const row = documentPart(body)
    .split('<tr')
    .find((r) => new RegExp(`<th scope="row"[^>]*>${label}</th>`).test(r))
  assert.ok(row, `no figure “${label}”`)
  const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, html]) => html!)
  return { thisYear: textOf(cells[0]!), lastYear: textOf(cells[1]!), link: cells[2]!.match(/href="([^"]+)"/)?.[1] }
}

/**
 * Presses a workflow button on the report's page (submit, approve, publish) with the version the
 * page showed; returns the response (a redirect when it worked).
 */
export async function press(session: Session, reportId: string, transition: 'submit' | 'approve' | 'publish') {
  const page = await session.get(`/reports/${reportId}`)
  assert.equal(page.statusCode, 200, `the report opens for ${transition}`)
  const version = page.body.match(/name="version" value="(\d+)"/)?.[1] ?? '1'
  return session.post(`/reports/${reportId}/${transition}`, { version })
}

/** Fills in a reason form (return with comments, make a correction) and sends it. */
export async function giveReason(session: Session, reportId: string, transition: 'return' | 'correct', reason: string) {
  const form = await session.get(`/reports/${reportId}/${transition}`)
  assert.equal(form.statusCode, 200, `the ${transition} form opens`)
  return session.post(`/reports/${reportId}/${transition}`, { version: formVersion(form.body), reason })
}

/** A transition that should work: fails the test with the page's text when it does not. */
export async function moved(response: Awaited<ReturnType<Session['get']>>) {
  assert.equal(response.statusCode, 302, textOf(response.body).slice(0, 2000))
  return response.headers.location as string
}

/** A downloaded file's bytes, having checked it came as an attachment of the right type. */
export async function download(session: Session, url: string, type: 'html' | 'docx' | 'pdf') {
  const response = await session.get(url)
  assert.equal(response.statusCode, 200, url)
  const types = { html: 'text/html', docx: 'application/vnd.openxmlformats', pdf: 'application/pdf' }
  assert.ok(
    String(response.headers['content-type']).startsWith(types[type]),
    `${url}: ${response.headers['content-type']}`,
  )
  assert.match(
    String(response.headers['content-disposition']),
    new RegExp(`^attachment; filename="[a-z0-9-]+\\.${type}"$`),
  )
  return response.rawPayload
}

/** A Word file as mammoth converts it to HTML: headings, paragraphs and tables as Word holds them. */
export async function docxHtml(file: Buffer) {
  assert.equal(file.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip file')
  return (await mammoth.convertToHtml({ buffer: file })).value
}

/** A PDF's text as pdftotext reads it. */
export function pdfText(file: Buffer) {
  assert.equal(file.subarray(0, 5).toString(), '%PDF-')
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'))
  try {
    const path = join(dir, 'report.pdf')
    writeFileSync(path, file)
    return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What the audit log says happened to a report, oldest first: "action by name". */
export async function reportAudit(testApp: TestApp, reportId: string) {
  const rows = await testApp.database.db
    .select({ action: auditLog.action, actorName: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.recordType, 'report'), eq(auditLog.recordId, reportId)))
    .orderBy(asc(auditLog.id))
  return rows.map((r) => `${r.action} by ${r.actorName}`)
}
