/**
 * Times people type are London wall-clock times; the database keeps instants. These convert
 * between the two across the clock changes (GMT in winter, BST in summer).
 */
const fields = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

/** The London calendar fields of an instant, as numbers (month 1–12). */
export function londonFields(instant: Date) {
  const p = Object.fromEntries(fields.formatToParts(instant).map((x) => [x.type, Number(x.value)]))
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! }
}

const two = (n: number) => String(n).padStart(2, '0')

/** The London calendar date and time of an instant: { date: "2016-06-01", time: "09:30" }. */
export function londonParts(instant: Date) {
  const f = londonFields(instant)
  return { date: `${f.year}-${two(f.month)}-${two(f.day)}`, time: `${two(f.hour)}:${two(f.minute)}` }
}

/**
 * The instant a London date and time ("2016-06-01", "09:30") names. In the hour the clocks go
 * back, the earlier (BST) reading; in the hour they go forward (which does not exist), an hour later.
 */
export function londonInstant(date: string, time: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`)
  if (Number.isNaN(asUtc.getTime())) throw new RangeError(`Not a date and time: ${date} ${time}`)
  // London is UTC or UTC+1: try the summer reading first, then the winter one.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc.getTime() - offsetHours * 3_600_000)
    const back = londonParts(candidate)
    if (back.date === date && back.time === time) return candidate
  }
  return asUtc
}

/** A time typed as "9:30", "09:30", "9.30" or "14:00": "HH:MM", or null when it is not one. */
export function parseTime(text: string): string | null {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text)
  if (!match) return null
  const hour = Number(match[1])
  const minute = Number(match[2])
  if (hour > 23 || minute > 59) return null
  return `${two(hour)}:${two(minute)}`
}
