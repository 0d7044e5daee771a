import type { Database } from '../../../db/index.ts'
import { enqueueEmail } from '../../../platform/email/outbox.ts'
import { formatDate } from '../../../platform/views.ts'
import { evaluationLinkWeeks, impactLinkWeeks } from './links.ts'

/** The emails evaluation sends, written here so their words are reviewed in one place. Plain text. */

export interface Attendee {
  email: string
  name: string
  courseTitle: string
  startsAt: Date
  partnershipName: string
}

const signOff = (partnershipName: string) => ['', 'Thank you,', `${partnershipName} training team`]

export async function queueEvaluationRequest(tx: Database, partnershipId: string, to: Attendee, link: string) {
  await enqueueEmail(tx, {
    partnershipId,
    to: to.email,
    template: 'evaluation-request',
    subject: `How was ${to.courseTitle}?`,
    body: [
      `Dear ${to.name},`,
      '',
      `Thank you for coming to ${to.courseTitle} on ${formatDate(to.startsAt)}.`,
      '',
      'Please tell us how it went. There are 4 questions and it takes about 2 minutes:',
      link,
      '',
      `The link works for ${evaluationLinkWeeks} weeks. Once you have answered, you can download your certificate.`,
      ...signOff(to.partnershipName),
    ].join('\n'),
  })
}

export async function queueCertificateEmail(tx: Database, partnershipId: string, to: Attendee, link: string) {
  await enqueueEmail(tx, {
    partnershipId,
    to: to.email,
    template: 'certificate',
    subject: `Your certificate for ${to.courseTitle}`,
    body: [
      `Dear ${to.name},`,
      '',
      `Thank you for your evaluation of ${to.courseTitle} on ${formatDate(to.startsAt)}.`,
      '',
      'Your certificate of attendance is ready. Download it (PDF) here:',
      link,
      '',
      'Keep this email: the link works for 2 years.',
      ...signOff(to.partnershipName),
    ].join('\n'),
  })
}

export async function queueImpactQuestion(tx: Database, partnershipId: string, to: Attendee, link: string) {
  await enqueueEmail(tx, {
    partnershipId,
    to: to.email,
    template: 'evaluation-impact',
    subject: `${to.courseTitle}: what difference has it made?`,
    body: [
      `Dear ${to.name},`,
      '',
      `You came to ${to.courseTitle} on ${formatDate(to.startsAt)}.`,
      '',
      'What difference has the training made to your practice? One question, answered here:',
      link,
      '',
      `The link works for ${impactLinkWeeks} weeks. Your answer helps us plan training that changes practice.`,
      ...signOff(to.partnershipName),
    ].join('\n'),
  })
}
