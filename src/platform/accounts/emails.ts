import type { Database } from '../../db/index.ts'
import { enqueueEmail } from '../email/outbox.ts'
import { formatDateTime } from '../views.ts'

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

/** Tells the owner their password changed, so someone who did not change it can act at once. */
export async function queuePasswordChangedEmail(
  db: Database,
  user: { name: string; email: string; partnershipId: string },
  partnershipName: string,
  baseUrl: string,
  changedAt: Date,
) {
  await enqueueEmail(db, {
    partnershipId: user.partnershipId,
    to: user.email,
    template: 'password-changed',
    subject: 'Your password has been changed',
    body: [
      `Dear ${user.name},`,
      '',
      `The password for your account on ${partnershipName}'s hub was changed on ${formatDateTime(changedAt)}.`,
      '',
      'If you changed it, you do not need to do anything.',
      '',
      'If you did not change it, someone else may know your password. Reset it now, then tell your business unit:',
      `${baseUrl}/forgot-password`,
    ].join('\n'),
  })
}
