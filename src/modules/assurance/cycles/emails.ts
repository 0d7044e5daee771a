import type { Database } from '../../../db/index.ts'
import { enqueueEmail } from '../../../platform/email/outbox.ts'
import { createSignedLink } from '../../../platform/signed-links.ts'
import { formatDate } from '../../../platform/views.ts'
import { returnRecordType } from '../access.ts'

/**
 * The emails a cycle sends, worded here so they are reviewed in one place: the invitation when it
 * opens and the reminders. Plain text (the outbox sends plain text only). A school's DSL has no
 * account, so theirs carries a signed link to the school's return; everyone else signs in.
 */
export const schoolReturnPurpose = 'school-audit-return'

export interface ReturnEmail {
  partnershipId: string
  partnershipName: string
  cycleName: string
  dueOn: string
  returnId: string
  agencyName: string
  to: { name: string; email: string; account: boolean }
}

const monthMs = 31 * 86_400_000

/**
 * The link to the return: the return's page for someone with an account, a signed link for a
 * school's DSL, expiring a month after the due date (or a month from now, when the cycle opens
 * or reminds after that).
 */
async function returnLink(tx: Database, email: ReturnEmail, baseUrl: string) {
  if (email.to.account) return `${baseUrl}/assurance/returns/${email.returnId}`
  const due = new Date(`${email.dueOn}T23:59:59Z`).getTime()
  const token = await createSignedLink(tx, {
    partnershipId: email.partnershipId,
    purpose: schoolReturnPurpose,
    recordType: returnRecordType,
    recordId: email.returnId,
    expiresAt: new Date(Math.max(due, Date.now()) + monthMs),
  })
  return `${baseUrl}/school-audit/${token}`
}

const help = (partnershipName: string) => [
  '',
  `If you have a question about the audit, or cannot complete it by the due date, reply to this email and the ${partnershipName} business unit will help.`,
  '',
  'Thank you,',
  `${partnershipName} business unit`,
]

export async function queueInvitation(tx: Database, email: ReturnEmail, baseUrl: string) {
  const link = await returnLink(tx, email, baseUrl)
  await enqueueEmail(tx, {
    partnershipId: email.partnershipId,
    to: email.to.email,
    template: 'audit-invitation',
    subject: `${email.cycleName}: ${email.agencyName}’s return is due by ${formatDate(email.dueOn)}`,
    body: [
      `Dear ${email.to.name},`,
      '',
      `The ${email.cycleName} audit is open. Please complete ${email.agencyName}’s return by ${formatDate(email.dueOn)}.`,
      '',
      'Grade each criterion, give your evidence and attach documents where they help. Your answers save as you go, so you can come back to it. Submit it when every criterion is graded.',
      '',
      email.to.account ? 'Sign in and open the return here:' : 'Open your school’s return here (no account needed):',
      link,
      ...(email.to.account ? [] : ['', 'The link is for your school only: please do not forward it.']),
      ...help(email.partnershipName),
    ].join('\n'),
  })
}

export async function queueReminder(
  tx: Database,
  email: ReturnEmail,
  reminder: { before: boolean; days: number },
  baseUrl: string,
) {
  const link = await returnLink(tx, email, baseUrl)
  const days = `${reminder.days} ${reminder.days === 1 ? 'day' : 'days'}`
  const when = reminder.before
    ? `is due in ${days}, on ${formatDate(email.dueOn)}`
    : `was due ${days} ago, on ${formatDate(email.dueOn)}`
  await enqueueEmail(tx, {
    partnershipId: email.partnershipId,
    to: email.to.email,
    template: 'audit-reminder',
    subject: `Reminder: ${email.cycleName} return ${reminder.before ? 'due' : 'overdue'} for ${email.agencyName}`,
    body: [
      `Dear ${email.to.name},`,
      '',
      `${email.agencyName}’s ${email.cycleName} return ${when}, and it has not been submitted yet.`,
      '',
      'Open the return here:',
      link,
      ...help(email.partnershipName),
    ].join('\n'),
  })
}
