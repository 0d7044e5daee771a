import { z } from 'zod'
import { checkbox, choice, requiredText } from '../../platform/forms.ts'
import { themeIds } from '../themes/index.ts'
import { courseFormats, courseLevels } from './schema.ts'

/** The learning module's form schemas, with GOV.UK-worded messages. */

export const courseSchema = z.object({
  title: requiredText('the course title', 200),
  summary: requiredText('a summary', 2000),
  learningOutcomes: z
    .string()
    .trim()
    .max(4000, 'Learning outcomes must be 4,000 characters or less')
    .optional()
    .transform((value) => value ?? ''),
  audience: requiredText('who the course is for', 300),
  level: choice(courseLevels, 'Select the level'),
  format: choice(courseFormats, 'Select the format'),
  durationHours: z.coerce
    .number({ error: 'Enter the duration in hours, like 3 or 2.5' })
    .min(0.25, 'The duration must be at least a quarter of an hour')
    .max(40, 'The duration must be 40 hours or less'),
  themeIds,
  active: checkbox,
})
export type CourseForm = z.infer<typeof courseSchema>

/** An event's fields besides its dates (read by `eventDates`). */
export const eventSchema = z.object({
  courseId: z.uuid('Select a course from the list'),
  startTime: z.string({ error: 'Enter the start time, like 9:30' }),
  endTime: z.string({ error: 'Enter the end time, like 16:00' }),
  venue: z
    .string()
    .trim()
    .max(300, 'Venue must be 300 characters or less')
    .optional()
    .transform((v) => v || null),
  joiningLink: z
    .string()
    .trim()
    .max(500, 'Joining link must be 500 characters or less')
    .optional()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https$/, error: 'Enter a joining link that starts with https://' }).nullable()),
  trainers: z
    .string()
    .trim()
    .max(300, 'Trainers must be 300 characters or less')
    .optional()
    .transform((v) => v || null),
  capacity: z.coerce
    .number({ error: 'Enter the number of places, like 30' })
    .int('Enter a whole number of places')
    .min(1, 'There must be at least 1 place')
    .max(5000, 'There can be at most 5,000 places'),
})
export type EventForm = z.infer<typeof eventSchema>
