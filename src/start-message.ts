import type { Config } from './config.ts'
import { demoAccounts, demoPassword } from './db/seed.ts'

/**
 * The line src/server.ts prints in development once it is listening: where the app is and, when
 * the demo partnership is loaded, how to sign in. `port` is the one it got (PORT=0 asks for any).
 */
export function startMessage(config: Config, port: number): string {
  const url = config.port === 0 ? `http://localhost:${port}` : config.baseUrl
  const running = `Safeguarding Partnership Hub is running at ${url}`
  const administrator = demoAccounts.find((account) => account.role === 'administrator')
  if (!config.seedDemoData || !administrator) return running
  return `${running} — sign in as ${administrator.email} with the password ${demoPassword} (demo data)`
}
