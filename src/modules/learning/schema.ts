/**
 * Learning and development's tables, one file per record type (beside the code that owns them),
 * gathered here for Drizzle and for the module's code.
 */
export * from './programme-schema.ts'
export * from './learners/schema.ts'
export * from './bookings/schema.ts'
export * from './evaluation/schema.ts'
export * from './elearning/schema.ts'
export * from './newsletters/schema.ts'
