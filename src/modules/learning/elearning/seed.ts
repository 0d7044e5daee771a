import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { importBatches } from '../../../platform/imports/schema.ts'
import type { SeedContext } from '../../../platform/modules.ts'
import { applyCompletions, completionsImport, parseCompletion, type CompletionRow } from './import.ts'

/**
 * The demo's e-learning import: one applied import of this year's completions, as the e-learning platform
 * exported them, agency names and all. Most names match the directory (one in other capitals);
 * some ("Oxon Council", "TV Police") do not, so the business unit has names to match.
 */
const first = ['Amy', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Faisal', 'Gemma', 'Harry', 'Isla', 'Jack', 'Kira', 'Liam']
const last = ['Bennett', 'Clarke', 'Dawson', 'Ellis', 'Fletcher']
const agencyNames = [
  'Oxfordshire County Council',
  'Oxon Council',
  'oxford city council',
  'Thames Valley Police',
  'TV Police',
  'Oxford Health',
  'Schools',
  'Voluntary and community sector',
]
const modules = [
  'Safeguarding children: e-learning',
  'Child sexual exploitation awareness',
  'Safeguarding risks online',
  'Neglect awareness',
]

export function demoCompletionsCsv(emailDomain: string) {
  const lines = ['Learner name,Email address,Organisation,Course,Date completed']
  for (let i = 0; i < 60; i++) {
    // Thirty people, each completing two modules.
    const person = i % 30
    const name = `${first[person % first.length]} ${last[person % last.length]}`
    const email = `${name.toLowerCase().replace(' ', '.')}@elearning.${emailDomain}`
    // Days through this year's first half, April to September 2026: a recent export, kept apart
    // from the 2016/17 programme (seed-demo.ts) so its figures stay as the seed paper's.
    const day = new Date(Date.UTC(2026, 3, 6) + ((i * 3) % 180) * 86_400_000)
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`
    lines.push(
      [name, email, agencyNames[person % agencyNames.length], modules[(i >> 1) % modules.length], date].join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

export async function seedElearning(db: Database, { partnershipId, actor, emailDomain }: SeedContext) {
  const csv = demoCompletionsCsv(emailDomain)
  const [header, ...lines] = csv.trim().split('\r\n')
  const rows: CompletionRow[] = lines.map((line) => {
    const [name, email, agency, module, completedOn] = line.split(',') as [string, string, string, string, string]
    const parsed = parseCompletion({ name, email, agency, module, completedOn })
    if ('errors' in parsed) throw new Error(`The demo e-learning file is wrong: ${JSON.stringify(parsed.errors)}`)
    return parsed.row
  })
  const content = Buffer.from(csv)
  const [batch] = await db
    .insert(importBatches)
    .values({
      partnershipId,
      kind: completionsImport.kind,
      fileName: 'elearning-completions-2026-27.csv',
      fileHash: createHash('sha256').update(content).digest('hex'),
      content,
      format: 'csv',
      status: 'checked',
      totalRows: rows.length,
      checkedRows: rows.length,
      preview: { headers: header!.split(','), rows: lines.slice(0, 10).map((line) => line.split(',')) },
      createdBy: actor.id,
    })
    .returning({ id: importBatches.id })
  const summary = await applyCompletions(db, partnershipId, rows, batch!.id)
  await db
    .update(importBatches)
    .set({ status: 'applied', summary, appliedBy: actor.id, appliedAt: new Date('2026-10-05T09:00:00Z') })
    .where(eq(importBatches.id, batch!.id))
}

/** The demo import's batch, for the permission matrix's walk of the import pages. */
export async function demoImportId(db: Database, partnershipId: string) {
  const [batch] = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.partnershipId, partnershipId), eq(importBatches.kind, completionsImport.kind)))
    .limit(1)
  return batch!.id
}
