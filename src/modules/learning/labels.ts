import type { CourseFormat, CourseLevel, EventStatus, LearnerSector } from './schema.ts'

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

/** The sectors learners say they work in (learnerSectors in schema.ts). */
export const sectorLabels: Record<LearnerSector, string> = {
  'early-years': 'Early years',
  education: 'Education',
  health: 'Health',
  'childrens-social-care': 'Children’s social care',
  'adult-social-care': 'Adult social care',
  police: 'Police',
  'probation-and-youth-justice': 'Probation and youth justice',
  housing: 'Housing',
  'voluntary-and-community': 'Voluntary and community',
  faith: 'Faith groups',
  'sport-and-leisure': 'Sport and leisure',
  other: 'Other',
}
