import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { caseAuditSummary, indicatorSummary, noGrades, voiceSummary } from './wording.ts'

describe('the quadrant’s summary lines', () => {
  it('says each quarter in words, leaving out what has none', () => {
    assert.equal(
      caseAuditSummary(3, 12, { ...noGrades(), good: 2, 'requires-improvement': 7, inadequate: 3 }),
      '3 case audits, 12 cases: 2 good, 7 requires improvement, 3 inadequate',
    )
    assert.equal(caseAuditSummary(1, 1, { ...noGrades(), 'not-graded': 1 }), '1 case audit, 1 case: 1 not graded')
    assert.equal(caseAuditSummary(0, 0, noGrades()), 'No case audits')
    assert.equal(
      indicatorSummary(4, { red: 1, amber: 2, green: 1, notJudged: 0 }),
      '4 indicators: 1 red, 2 amber, 1 green',
    )
    assert.equal(
      voiceSummary([
        { method: 'survey', responses: 400 },
        { method: 'survey', responses: 12 },
      ]),
      '2 surveys, 412 responses',
    )
    assert.equal(
      voiceSummary([
        { method: 'focus-group', responses: 1 },
        { method: 'interviews', responses: 1200 },
      ]),
      '1 focus group, 1 set of interviews, 1,201 responses',
    )
    assert.equal(voiceSummary([]), 'No surveys or consultations')
  })
})
