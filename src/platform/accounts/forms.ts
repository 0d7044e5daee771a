import { z } from 'zod'

/**
 * Choosing a password, typed twice: from an emailed link ("a password") or on the signed-in change
 * page ("a new password"). The rules themselves (length, the deny list) are the service's
 * (`passwordProblem`).
 */
export function newPasswordFields(label: 'a password' | 'a new password') {
  return {
    password: z
      .string({ error: `Enter ${label}` })
      .min(1, `Enter ${label}`)
      .max(256, 'Password must be 256 characters or less'),
    confirmPassword: z
      .string({ error: label === 'a password' ? 'Confirm your password' : 'Confirm your new password' })
      .max(256),
  }
}

/** The refinement that the two copies match, with its message on the second. */
export const passwordsMatch: [
  (form: { password: string; confirmPassword: string }) => boolean,
  { message: string; path: string[] },
] = [(form) => form.password === form.confirmPassword, { message: 'Passwords do not match', path: ['confirmPassword'] }]
