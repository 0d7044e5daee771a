import { accountsModule } from './accounts/index.ts'
import { auditLogModule } from './audit-log/index.ts'
import { bankHolidaysModule } from './bank-holidays/index.ts'
import { outboxModule } from './email/index.ts'
import { homeModule } from './home.ts'
import { importsModule } from './imports/index.ts'
import { createRegistry, type ModuleDefinition } from './modules.ts'

/** The platform's own pages, declared the way a module is: home, accounts, the audit log, the email outbox, bank holidays, imports (audit labels only). */
export const platformModules: readonly ModuleDefinition[] = [
  homeModule,
  accountsModule,
  auditLogModule,
  outboxModule,
  bankHolidaysModule,
  importsModule,
]

/** The registry of the platform's pieces and the board's modules, checked once. */
export function registryOf(modules: readonly ModuleDefinition[]) {
  return createRegistry([...platformModules, ...modules])
}
