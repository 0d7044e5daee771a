import type { Database } from '../../db/index.ts'
import { enqueueEmail } from '../email/outbox.ts'

/** The emails accounts send, written here so their words are reviewed in one place. */

export const inviteValidDays = 7
export const resetValidMinutes = 60

export async function queueInviteEmail(
  db: Database,
  invitedBy: string,
  user: { name: string; email: string; partnershipId: string },
  partnershipName: string,
  link: string,
) {
  await enqueueEmail(db, {
    partnershipId: user.partnershipId,
    to: user.email,
    template: 'invite',
    subject: `You have been invited to ${partnershipName}`,
    body: [
      `Dear ${user.name},`,
      '',
      `${invitedBy} has given you an account on ${partnershipName}'s hub.`,
      '',
      `To set your password and sign in, open this link within ${inviteValidDays} days:`,
      link,
      '',
      'The link works once. If you were not expecting this email, you can ignore it.',
    ].join('\n'),
  })
}

export async function queuePasswordResetEmail(
  db: Database,
  user: { name: string; email: string; partnershipId: string },
  link: string,
) {
  await enqueueEmail(db, {
    partnershipId: user.partnershipId,
    to: user.email,
    template: 'password-reset',
    subject: 'Reset your password',
    body: [
      `Dear ${user.name},`,
      '',
      `Someone asked to reset the password for your account. To choose a new password, open this link within ${resetValidMinutes} minutes:`,
      link,
      '',
      'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
    ].join('\n'),
  })
}
