import { londonInstant } from '../../platform/london-time.ts'
import { addDays, bankHolidayCalendar } from '../../platform/working-days.ts'

/**
 * The demo's randomness, seeded, so every start makes the same demo: the same people, the same
 * dates, the same attendance, and so the same figures in the report. (Row ids are still random:
 * two partnerships on one deployment must not share them.)
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** One of the items, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** A copy in random order. */
  shuffle<T>(items: readonly T[]): T[]
}

/** mulberry32: small, fast and good enough for demo data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items) {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0)
      let left = next() * total
      for (const [item, weight] of items) {
        left -= weight
        if (left < 0) return item
      }
      return items.at(-1)![0]
    },
    shuffle(items) {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy
    },
  }
  return random
}

/** `day` moved by whole days (the platform's, kept here for the seed's other helpers). */
export { addDays }

/** The working days (England and Wales) from `first` to `last`, both included. */
export function workingDaysFrom(first: string, last: string): string[] {
  const days: string[] = []
  for (let day = first; day <= last; day = addDays(day, 1)) if (bankHolidayCalendar.isWorkingDay(day)) days.push(day)
  return days
}

/** An instant `minutes` after another. */
export const plusMinutes = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000)

/** A London wall-clock time between the hours given: "08:31". */
export const timeOfDay = (random: Random, fromHour: number, toHour: number) =>
  `${String(random.int(fromHour, toHour)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`

const londonOffsets = new Map<string, number>()

/**
 * londonInstant for the demo's many made-up times, fast: London's offset from UTC is looked up
 * once per day. Only for times from 03:00, after any change of the clocks that day.
 */
export function londonAt(day: string, time: string): Date {
  let offset = londonOffsets.get(day)
  if (offset === undefined) {
    offset = Date.parse(`${day}T12:00:00Z`) - londonInstant(day, '12:00').getTime()
    londonOffsets.set(day, offset)
  }
  return new Date(Date.parse(`${day}T${time}:00Z`) - offset)
}
