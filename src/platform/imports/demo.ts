import type { Database } from '../../db/index.ts'
import type { Actor } from '../permissions.ts'
import type { ImportDefinition } from './definition.ts'
import { applyImport, checkImport, uploadImport } from './service.ts'

/**
 * A file imported as an officer would, for a module's demo seed: uploaded, checked, applied, so the
 * records name their batch and file and the import's history shows it. `content` is the file's
 * text, or its rows (the header first) joined as a simple CSV.
 */
export async function importDemoFile(
  db: Database,
  actor: Actor,
  definition: ImportDefinition<never>,
  fileName: string,
  content: string | string[][],
) {
  const csv = typeof content === 'string' ? content : `${content.map((line) => line.join(',')).join('\r\n')}\r\n`
  const imported = definition as unknown as ImportDefinition<unknown>
  const { batchId } = await uploadImport(db, actor, imported, { fileName, content: Buffer.from(csv) })
  await checkImport(db, actor, imported, batchId)
  return applyImport(db, actor, imported, batchId)
}
