import { DrizzleQueryError } from 'drizzle-orm'
import { LogController } from 'fastify'
import type { Config } from '../config.ts'
import { assetsPrefix } from './http.ts'

/**
 * Logs carry no personal data: no query strings (searches hold names), no one-time tokens in
 * paths, no cookies or headers, no client addresses, no query parameters or values from the database.
 */
export function requestForLog(request: { method: string; url: string; routeOptions?: { url?: string } }) {
  const path = request.url.split('?')[0]!.replace(/\/(accept-invite|reset-password)\/[^/]+/, '/$1/[token]')
  return { method: request.method, url: path, route: request.routeOptions?.url }
}

/** No request lines for the stylesheet, scripts and images, which would drown the rest. */
export function skipRequestLog(request: { url: string }) {
  return request.url.startsWith(assetsPrefix)
}

/** Fastify's `logController` (src/app.ts), which writes the request lines. */
export function requestLogController() {
  return new LogController({ disableRequestLogging: skipRequestLog })
}

/**
 * The app's logger (src/app.ts): JSON lines, with the serializers above and below; in development,
 * readable lines on the console instead (pino-pretty would be one more dependency for this).
 */
export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    serializers: { req: requestForLog, err: errorForLog },
    ...(config.env === 'development' && {
      stream: { write: (line: string) => process.stdout.write(`${readableLogLine(line)}\n`) },
    }),
  }
}

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}

/** One of pino's JSON lines as `09:05:07 WARN  message key=value …`, an error's stack indented below. */
export function readableLogLine(json: string): string {
  const entry = JSON.parse(json) as Record<string, unknown>
  const {
    level,
    time,
    msg,
    req,
    res,
    responseTime,
    err,
    pid: _pid,
    hostname: _hostname,
    reqId: _reqId,
    ...rest
  } = entry
  const parts = [new Date(Number(time)).toTimeString().slice(0, 8), (levelNames[Number(level)] ?? 'LOG').padEnd(5), msg]
  const request = req as { method?: string; url?: string } | undefined
  if (request) parts.push(`${request.method} ${request.url}`)
  const response = res as { statusCode?: number } | undefined
  if (response) parts.push(String(response.statusCode))
  if (typeof responseTime === 'number') parts.push(`in ${Math.round(responseTime)} ms`)
  for (const [key, value] of Object.entries(rest)) {
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  }
  const error = err as { stack?: string; message?: string } | undefined
  const stack = error ? `\n  ${(error.stack || error.message || '').replace(/\n/g, '\n  ')}` : ''
  return parts.filter((part) => part !== undefined && part !== '').join(' ') + stack
}

/** A PostgreSQL error (pg's or PGlite's): a five-character SQLSTATE and the server's fields. */
interface DatabaseError extends Error {
  code: string
  severity?: string
  detail?: string
  constraint?: string
  table?: string
  column?: string
  query?: unknown
}

function isDatabaseError(error: unknown): error is DatabaseError {
  if (!(error instanceof Error)) return false
  const { code, severity } = error as Partial<DatabaseError>
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string'
}

/** What an error becomes in a log line (Fastify's type for an `err` serializer's result). */
export interface LoggedError {
  type: string
  message: string
  stack: string
  [key: string]: unknown
}

const emailAddresses = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi

/**
 * The `err` serializer, replacing pino's, which logs every property of an error. A failed query's
 * message holds its parameters ("Failed query: …\nparams: someone@example.com,Jane Smith"), and
 * the database's message and `detail` hold values ("Key (email)=(…) already exists"), so a database
 * error is logged as its code, the constraint, table and column it names, the SQL with placeholders
 * and the stack's frames: never its message, parameters or detail. Any other error keeps its type,
 * message, code and stack, with email addresses blanked, and nothing else (nodemailer's, for one,
 * list the recipients).
 */
export function errorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' }
  const type = error.constructor.name || error.name
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  const database = isDatabaseError(error) ? error : isDatabaseError(error.cause) ? error.cause : null
  if (error instanceof DrizzleQueryError || database) {
    const query = error instanceof DrizzleQueryError ? error.query : database?.query
    return {
      type,
      message: `database error${database ? ` ${database.code}` : ''} (values withheld from the log)`,
      code: database?.code,
      constraint: database?.constraint,
      table: database?.table,
      column: database?.column,
      query: typeof query === 'string' ? query : undefined,
      stack: [type, ...frames].join('\n'),
      // A query that never reached the database (a refused connection): its cause is safe to show.
      cause: database || error.cause === undefined ? undefined : errorForLog(error.cause),
    }
  }
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown }
  const message = error.message.replace(emailAddresses, '[email]')
  return {
    type,
    message,
    code,
    statusCode,
    stack: [`${type}: ${message}`, ...frames].join('\n'),
    cause: error.cause === undefined ? undefined : errorForLog(error.cause),
  }
}
