/**
 * A short list sorted on the server by one of its columns, numbers as numbers and words in English
 * order, in either direction; equal values keep their order. For the module's whole lists.
 */
export function sortedBy<R>(rows: readonly R[], value: (row: R) => unknown, direction: 'asc' | 'desc') {
  const sign = direction === 'desc' ? -1 : 1
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'en-GB')
    return sign * order
  })
}
