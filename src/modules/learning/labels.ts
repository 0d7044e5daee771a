import type { BookingStatus, CourseFormat, CourseLevel, EventStatus, LearnerSector, WaitingStatus } from './schema.ts'

export const formatLabels: Record<CourseFormat, string> = {
  'face-to-face': 'Face to face',
  virtual: 'Virtual (online, live)',
  'e-learning': 'E-learning',
  'learning-event': 'Learning event',
  conference: 'Conference',
}

export const levelLabels: Record<CourseLevel, string> = {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
}

export const eventStatusLabels: Record<EventStatus, string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  completed: 'Completed',
}

/** "3 hours 30 minutes", "1 day" is not guessed: duration is kept in minutes and said in hours and minutes. */
export function durationText(minutes: number) {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts = [hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '', rest ? `${rest} minutes` : '']
  return parts.filter(Boolean).join(' ')
}

/** The sectors a learner chooses from when booking, in the form's order. */
export const learnerSectorLabels: Record<LearnerSector, string> = {
  'early-years': 'Early years and childcare',
  education: 'Schools and colleges',
  health: 'Health',
  'childrens-social-care': 'Children’s social care',
  'adult-social-care': 'Adult social care',
  police: 'Police',
  'probation-and-youth-justice': 'Probation and youth justice',
  housing: 'Housing',
  'voluntary-and-community': 'Voluntary and community sector',
  faith: 'Faith groups',
  'sport-and-leisure': 'Sport and leisure',
  other: 'Other',
}

export const bookingStatusLabels: Record<BookingStatus, string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  'late-cancellation': 'Late cancellation',
  attended: 'Attended',
  'no-show': 'Did not attend',
}

export const waitingStatusLabels: Record<WaitingStatus, string> = {
  waiting: 'Waiting',
  offered: 'Offered a place',
  accepted: 'Accepted',
  expired: 'Offer expired',
  withdrawn: 'Withdrawn',
}

/** "£50.00", for charges kept in pence. */
export const poundsText = (pence: number) => `£${(pence / 100).toFixed(2)}`
