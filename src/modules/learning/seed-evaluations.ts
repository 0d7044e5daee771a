import { plusMinutes, type Random } from './seed-random.ts'
import type { BookingRow } from './seed-programme.ts'
import type { evaluations } from './schema.ts'

/**
 * Evaluations returned by the demo's attendees: mostly good ratings, confidence up by a point or
 * two, what they will do differently, and for some the impact answered after the follow-up.
 */
export type EvaluationRow = typeof evaluations.$inferInsert

const willDoDifferently = [
  'Record my concerns sooner and more fully, with dates and what the child said.',
  'Use the neglect toolkit with families on my caseload.',
  'Talk to our designated safeguarding lead the same day rather than waiting.',
  'Ask about the adults in the household, not only the child in front of me.',
  'Share the threshold of needs document with my team.',
  'Check who else is working with the family before I close a case.',
  'Be curious about older children’s relationships online and offline.',
  'Look out for signs of exploitation when a young person goes missing.',
  'Make a referral myself instead of assuming someone else has.',
  'Think about what daily life is like for the child.',
]
const impacts = [
  'I made a referral I might not have made before, and the family now has support.',
  'Our team now discusses neglect cases with the toolkit at supervision.',
  'I am more confident challenging other professionals when I disagree about risk.',
  'We changed how we record concerns in school.',
]

export function evaluation(random: Random, partnershipId: string, booking: BookingRow): EvaluationRow {
  const before = random.weighted([
    [1, 10],
    [2, 35],
    [3, 40],
    [4, 15],
  ] as const)
  const submittedAt = plusMinutes(booking.attendanceMarkedAt!, random.int(30, 10_080))
  const followUpSentAt = plusMinutes(submittedAt, 12 * 7 * 24 * 60)
  const answered = random.chance(0.3)
  return {
    partnershipId,
    bookingId: booking.id,
    overallRating: random.weighted([
      [5, 45],
      [4, 40],
      [3, 12],
      [2, 3],
    ] as const),
    confidenceBefore: before,
    confidenceAfter: Math.min(5, before + random.int(0, 2)),
    willDoDifferently: random.pick(willDoDifferently),
    submittedAt,
    followUpSentAt,
    impact: answered ? random.pick(impacts) : null,
    impactAnsweredAt: answered ? plusMinutes(followUpSentAt, random.int(60, 20_000)) : null,
    createdAt: submittedAt,
    updatedAt: submittedAt,
  }
}
