import { hash, verify, Algorithm } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'

/**
 * Password rules follow NCSC guidance: a minimum length and a deny list of common passwords,
 * no composition rules and no forced expiry.
 * https://www.ncsc.gov.uk/collection/passwords/updating-your-approach
 */
export const minimumPasswordLength = 12
export const maximumPasswordLength = 256

const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()))

/** Returns a GOV.UK-style message, or null when the password is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length === 0) return 'Enter a password'
  if (password.length < minimumPasswordLength) {
    return `Password must be ${minimumPasswordLength} characters or more`
  }
  if (password.length > maximumPasswordLength) return `Password must be ${maximumPasswordLength} characters or less`
  const lowered = password.toLowerCase()
  if (commonPasswords.has(lowered) || /^(.)\1+$/.test(password)) {
    return 'Password is too easy to guess. Try three random words'
  }
  // Only a local part long enough to be guessable as a password: "jo@" must not rule out every "jo".
  const localPart = email?.toLowerCase().split('@')[0] ?? ''
  if (localPart.length >= 4 && lowered.includes(localPart)) {
    return 'Password must not contain your email address'
  }
  return null
}

// OWASP's recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Hash anyway when there is no account, so response time does not reveal which emails exist.
  if (!passwordHash) {
    await hash(password, options)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
