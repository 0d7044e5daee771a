/** The one Drizzle schema: every module's tables, re-exported for drizzle-kit and for typed queries. */
export * from '../platform/schema.ts'
export * from '../modules/partnership/schema.ts'
export * from '../modules/themes/schema.ts'
export * from '../modules/learning/schema.ts'
export * from '../modules/reports/schema.ts'
export * from '../platform/imports/schema.ts'
