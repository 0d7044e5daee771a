import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: what we put in cookies and emailed links. Only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Ids in URLs are checked before they reach a query, so a malformed one is simply not found. */
export function isUuid(value: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}
