import { systemActor } from '../../src/platform/permissions.ts'

/**
 * Builders make records the way the app does (through the services, with their audit rows), with
 * names a person could have typed. A counter keeps every name unique within a test run, so a test
 * never collides with the demo data or with another builder call.
 */
let count = 0

export function nextNumber() {
  count += 1
  return count
}

/** One of `list`, turning with the counter. */
export function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!
}

/** The actor builders write as, so a built record's history reads "Added agency … (by Test data)". */
export function builderActor(partnershipId: string) {
  return systemActor(partnershipId, 'Test data')
}
