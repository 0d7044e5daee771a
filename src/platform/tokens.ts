import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: what we put in cookies and emailed links. Only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
