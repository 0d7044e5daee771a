import { bookingStatusLabels, learnerSectorLabels } from '../labels.ts'
import type { BookingSource, BookingStatus, LearnerSector } from '../schema.ts'
import { sourceLabels } from './presenters.ts'

/** How a booking's audited fields read in its history: codes as words. */
export const bookingRecordFormats = {
  status: (v: unknown) => bookingStatusLabels[v as BookingStatus] ?? String(v),
  source: (v: unknown) => sourceLabels[v as BookingSource] ?? String(v),
  sector: (v: unknown) => learnerSectorLabels[v as LearnerSector] ?? String(v),
}
