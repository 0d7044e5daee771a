import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: what we put in cookies and emailed links. Only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** True for a string newSecret could have made (43 URL-safe characters): anything else is not worth a query. */
export function isSecretShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Ids in URLs are checked before they reach a query, so a malformed one is simply not found. */
export function isUuid(value: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}
