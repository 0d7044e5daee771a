import { z } from 'zod'

/**
 * Every setting the app reads from the environment, parsed once at start-up.
 * Only src/server.ts and the CLI call loadConfig; everything else is handed a Config.
 */
const booleanString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Defaults to http://localhost:<PORT> (set in loadConfig, where PORT is known). */
    BASE_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default('./data/pglite'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    EMAIL_ADAPTER: z.enum(['development', 'smtp', 'notify']).default('development'),
    EMAIL_FROM: z.email().default('no-reply@safeguarding-partnership.example'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    NOTIFY_API_KEY: z.string().min(1).optional(),
    NOTIFY_TEMPLATE_ID: z.uuid().optional(),
    /** Defaults to warn in development (problems, not every request) and info otherwise; set in loadConfig. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    SEED_DEMO_DATA: booleanString.default(true),
    RUN_EMAIL_WORKER: booleanString.default(true),
    RUN_JOB_WORKER: booleanString.default(true),
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
    ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
    /** The local authority code of the partnership whose public pages this deployment serves. */
    PUBLIC_PARTNERSHIP: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,20}$/, 'must be a local authority code, such as E10000025')
      .transform((code) => code.toUpperCase())
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'needs DATABASE_URL too' })
    }
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' })
    }
    if (env.NODE_ENV === 'production' && env.EMAIL_ADAPTER === 'development') {
      ctx.addIssue({ code: 'custom', path: ['EMAIL_ADAPTER'], message: 'must be smtp or notify in production' })
    }
    if (env.EMAIL_ADAPTER === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when EMAIL_ADAPTER is smtp' })
    }
    if (env.EMAIL_ADAPTER === 'notify') {
      for (const key of ['NOTIFY_API_KEY', 'NOTIFY_TEMPLATE_ID'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when EMAIL_ADAPTER is notify' })
      }
    }
  })

export type RawConfig = z.infer<typeof configSchema>

export interface Config {
  env: RawConfig['NODE_ENV']
  port: number
  host: string
  /**
   * How many proxies in front of the app to believe: the client is the address that many
   * entries from the right of X-Forwarded-For. 0 believes none (the connecting address).
   */
  trustProxyHops: number
  baseUrl: string
  /**
   * With a server, `migrationUrl` names the role that owns the tables and runs the migrations; the
   * app's own role (`url`) may then only read and append to the audit log (README, "Database roles").
   */
  database: { kind: 'pg'; url: string; migrationUrl?: string } | { kind: 'pglite'; dataDir: string }
  /** Signs cookies. A random one is made per process in development, so sessions survive only the process. */
  sessionSecret: string
  /** Outside development, cookies are sent over HTTPS only (browsers also accept them from http://localhost). */
  secureCookies: boolean
  email: {
    adapter: RawConfig['EMAIL_ADAPTER']
    from: string
    smtpUrl?: string
    notifyApiKey?: string
    notifyTemplateId?: string
  }
  logLevel: NonNullable<RawConfig['LOG_LEVEL']>
  seedDemoData: boolean
  runEmailWorker: boolean
  runJobWorker: boolean
  /** The headless browser that prints documents to PDF and draws charts for Word. */
  chromiumPath: string
  /** The largest file an upload form takes (imports), in bytes. */
  uploadMaxBytes: number
  /** The largest file attached to a record (platform/attachments), in bytes. */
  attachmentMaxBytes: number
  /**
   * The local authority code of the partnership the public pages belong to; null: the deployment's
   * only partnership (platform/public-site.ts, docs/decisions/0018-public-pages-and-signed-links.md).
   */
  publicPartnership: string | null
}

export class ConfigError extends Error {}

export function loadConfig(environment: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as it does in most twelve-factor apps.
  const cleaned = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''))
  const parsed = configSchema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment variables:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    database: env.DATABASE_URL
      ? { kind: 'pg', url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL }
      : { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR },
    sessionSecret: env.SESSION_SECRET ?? crypto.randomUUID() + crypto.randomUUID(),
    secureCookies: env.NODE_ENV !== 'development',
    email: {
      adapter: env.EMAIL_ADAPTER,
      from: env.EMAIL_FROM,
      smtpUrl: env.SMTP_URL,
      notifyApiKey: env.NOTIFY_API_KEY,
      notifyTemplateId: env.NOTIFY_TEMPLATE_ID,
    },
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'development' ? 'warn' : 'info'),
    seedDemoData: env.SEED_DEMO_DATA,
    runEmailWorker: env.RUN_EMAIL_WORKER,
    runJobWorker: env.RUN_JOB_WORKER,
    chromiumPath: env.CHROMIUM_PATH,
    uploadMaxBytes: env.UPLOAD_MAX_MB * 1024 * 1024,
    attachmentMaxBytes: env.ATTACHMENT_MAX_MB * 1024 * 1024,
    publicPartnership: env.PUBLIC_PARTNERSHIP ?? null,
  }
}
