import { sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { scaleCodes, scales, type Grade } from '../scales.ts'

/**
 * A grade's rank and whether it is below the minimum, in SQL, for the scale each row's framework
 * version uses: a CASE over every scale's grades (constants from scales.ts, so written inline), so
 * the results can take the lowest grade of a standard with `max()` and count the grades below the
 * minimum with `count(*) filter`, in the database.
 */
const every = scaleCodes.flatMap((scale) => scales[scale].grades.map((grade, rank) => ({ scale, grade, rank })))

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`

function gradeCase(scale: PgColumn | SQL, grade: PgColumn | SQL, value: (grade: Grade, rank: number) => string) {
  const whens = every.map((g) => `when ${literal(`${g.scale}:${g.grade.code}`)} then ${value(g.grade, g.rank)}`)
  return sql`(case ${scale} || ':' || ${grade} ${sql.raw(whens.join(' '))} end)`
}

/** 0 for the scale's top grade, counting down; null for no grade (or one the scale does not have). */
export const rankSql = (scale: PgColumn | SQL, grade: PgColumn | SQL) => gradeCase(scale, grade, (_, rank) => `${rank}`)

/** True when the grade is below the scale's minimum (red; partially or not met; 1 or 0). */
export const belowMinimumSql = (scale: PgColumn | SQL, grade: PgColumn | SQL) =>
  gradeCase(scale, grade, (g) => (g.belowMinimum ? 'true' : 'false'))
