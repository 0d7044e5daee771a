import type { FastifyReply } from 'fastify'
import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { renderPdf } from '../../../platform/documents/pdf.ts'
import { documentEnvironment } from '../../../platform/documents/print.ts'
import { londonParts } from '../../../platform/london-time.ts'
import { readSignedLink } from '../../../platform/signed-links.ts'
import { formatDate } from '../../../platform/views.ts'
import { durationText } from '../labels.ts'
import { bookings, evaluations, learners } from '../schema.ts'
import { attendee, type AttendeeRow } from './attendees.ts'
import { purposes } from './links.ts'

/**
 * A certificate of attendance: only once attendance is marked (the booking is attended) and the
 * attendee has returned their evaluation, as the issue asks. Printed from HTML by Chromium.
 */

/** True when the booking's certificate can be had: attended, evaluation returned, learner not erased. */
export async function certificateAvailable(db: Database, partnershipId: string, bookingId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(evaluations, eq(evaluations.bookingId, bookings.id))
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .where(
      and(
        eq(bookings.partnershipId, partnershipId),
        eq(bookings.id, bookingId),
        eq(bookings.status, 'attended'),
        isNull(learners.erasedAt),
      ),
    )
  return !!row
}

/** The attendee a certificate link is for, when the link is one and the certificate is available. */
export async function openCertificateLink(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, purposes.certificate)
  if (!link || link.partnershipId !== partnershipId || link.recordType !== 'booking') return null
  if (!(await certificateAvailable(db, partnershipId, link.recordId))) return null
  return (await attendee(db, partnershipId, link.recordId)) ?? null
}

/** What the certificate says. */
export function certificateView(who: NonNullable<AttendeeRow>) {
  return {
    partnershipName: who.partnershipName,
    name: who.name,
    courseTitle: who.courseTitle,
    date: formatDate(who.startsAt),
    duration: durationText(who.durationMinutes),
  }
}

export function certificateHtml(who: NonNullable<AttendeeRow>) {
  return documentEnvironment().render('modules/learning/views/certificate.njk', { params: certificateView(who) })
}

export function certificatePdf(who: NonNullable<AttendeeRow>): Promise<Buffer> {
  return renderPdf(certificateHtml(who), { landscape: true, pageNumbers: false })
}

/** Sends the certificate as a download, never cached (it carries a name). */
export async function sendCertificate(reply: FastifyReply, who: NonNullable<AttendeeRow>) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${certificateFileName(who)}"`)
    .header('cache-control', 'no-store')
    .send(await certificatePdf(who))
}

/** "certificate-professional-curiosity-2027-06-01.pdf" */
export function certificateFileName(who: NonNullable<AttendeeRow>) {
  const stem = `certificate ${who.courseTitle}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${stem}-${londonParts(who.startsAt).date}.pdf`
}
