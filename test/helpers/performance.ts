import { tableColumn } from './html.ts'
import { insertIndicator, insertObservations, insertPartnership, setComparators } from '../builders/index.ts'
import type { Session, TestApp } from './app.ts'

/**
 * The performance pages' test figures, in a partnership of their own: five indicators whose
 * scorecard rows, exceptions and charts are worked out by hand in the comments, its business unit
 * and a board member signed in. Read by test/performance-scorecard.test.ts.
 */
export const own = 'E10000025' // Oxfordshire, in the South East
export const england = 'E92000001'
export const southEast = 'E12000008'
export const [bucks, cambs, glos] = ['E10000002', 'E10000003', 'E10000013']

export const names = {
  plans: 'Test plans per 10,000 children',
  rereferrals: 'Test re-referrals',
  assessments: 'Test assessments on time',
  lookedAfter: 'Test children looked after',
  inNeed: 'Test children in need',
}

export interface Fixture {
  testApp: TestApp
  partnershipId: string
  officer: Session
  boardMember: Session
  ids: Record<keyof typeof names, string>
}

export async function loadFigures(testApp: TestApp): Promise<Fixture> {
  const { db } = testApp.database
  const other = await insertPartnership(db)
  const { partnershipId } = other
  await setComparators(db, partnershipId, own, [bucks, cambs, glos])
  const indicator = (name: string, position: number, extra: Parameters<typeof insertIndicator>[2]) =>
    insertIndicator(db, partnershipId, { name, subject: name.toLowerCase(), position: 900 + position, ...extra })
  const plans = await indicator(names.plans, 1, { unit: 'rate-per-10000', polarity: 'no-judgement' })
  const rereferrals = await indicator(names.rereferrals, 2, {
    unit: 'percentage',
    polarity: 'lower-is-better',
    target: 20,
  })
  const assessments = await indicator(names.assessments, 3, { unit: 'percentage', polarity: 'higher-is-better' })
  const lookedAfter = await indicator(names.lookedAfter, 4, {
    unit: 'rate-per-10000',
    polarity: 'lower-is-better',
    target: 50,
  })
  const inNeed = await indicator(names.inNeed, 5, { unit: 'rate-per-10000', polarity: 'lower-is-better', target: 400 })

  // Growth 2013/14 to 2016/17: own 45 / 36 − 1 = 25%; England 43.3 / 42.1 − 1 = 2.9%;
  // neighbours (36 + 38.3 + 37) / 3 = 37.1 against (34 + 36) / 2 = 35 (Gloucestershire suppressed): 6%.
  await insertObservations(db, partnershipId, plans.id, {
    [own]: { '2013/14': 36, '2014/15': 40, '2015/16': 42, '2016/17': 45 },
    [england]: { '2013/14': 42.1, '2014/15': 42.9, '2015/16': 43.1, '2016/17': 43.3 },
    [southEast]: { '2016/17': 41.5 },
    [bucks]: { '2013/14': 34, '2016/17': 36 },
    [cambs]: { '2013/14': 36, '2016/17': 38.3 },
    [glos]: { '2013/14': 'c', '2016/17': 37 },
  })
  await insertObservations(db, partnershipId, rereferrals.id, {
    [own]: { '2015/16': 24, '2016/17': 'c' },
    [england]: { '2016/17': 21.9 },
    [bucks]: { '2016/17': 20 },
  })
  // Falling three years running, and below England (82.9) and the neighbours ((85 + 80 + 84) / 3 = 83).
  await insertObservations(db, partnershipId, assessments.id, {
    [own]: { '2013/14': 90, '2014/15': 85, '2015/16': 80, '2016/17': 75 },
    [england]: { '2016/17': 82.9 },
    [bucks]: { '2016/17': 85 },
    [cambs]: { '2016/17': 80 },
    [glos]: { '2016/17': 84 },
  })
  // 51 against a target of 50: short by 1, within 5% of 50 (2.5): amber. Down from 52, lower is better: improving.
  await insertObservations(db, partnershipId, lookedAfter.id, { [own]: { '2015/16': 52, '2016/17': 51 } })
  await insertObservations(db, partnershipId, inNeed.id, { [own]: { '2016/17': 330 } })

  const password = 'board-demo-password'
  const officer = await testApp.signIn(`business.unit@${other.emailDomain}`, password)
  const boardMember = await testApp.signIn(`board.member@${other.emailDomain}`, password)
  return {
    testApp,
    partnershipId,
    officer,
    boardMember,
    ids: {
      plans: plans.id,
      rereferrals: rereferrals.id,
      assessments: assessments.id,
      lookedAfter: lookedAfter.id,
      inNeed: inNeed.id,
    },
  }
}

/** The scorecard's rows for the test's own indicators (a partnership's seeded ones, if any, left out), by name. */
export function scorecardByName(body: string, caption: string) {
  const columns = ['Indicator', 'Period', 'Value', 'Previous period', 'Direction of travel', 'England', 'Region']
  const more = ['Statistical neighbours’ average', 'Target', 'RAG rating', 'Exceptions']
  const table = Object.fromEntries([...columns, ...more].map((c) => [c, tableColumn(body, caption, c)]))
  const rows: Record<string, Record<string, string>> = {}
  table.Indicator!.forEach((name, i) => {
    if (Object.values(names).includes(name))
      rows[name] = Object.fromEntries(Object.entries(table).map(([c, values]) => [c, values[i]!]))
  })
  return rows
}

export const ours = (list: string[]) => list.filter((name) => Object.values(names).includes(name))
