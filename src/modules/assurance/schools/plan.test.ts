import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSchool, planSchools, type SchoolRow } from './plan.ts'

const values = (urn: string, name: string, dslName = '', dslEmail = '') => ({ urn, name, dslName, dslEmail })
const row = (urn: string, name: string, dslName: string | null = null, dslEmail: string | null = null): SchoolRow => ({
  urn,
  name,
  dslName,
  dslEmail,
})

describe('parseSchool', () => {
  it('takes a URN of 6 digits, tidies spaces and lower-cases the email', () => {
    assert.deepEqual(parseSchool(values(' 123 456', 'St Mary’s  CE Primary', 'Ann  Lee', 'Ann.Lee@School.test')), {
      row: row('123456', 'St Mary’s CE Primary', 'Ann Lee', 'ann.lee@school.test'),
    })
  })

  it('refuses a short URN, a bad email and an email without a name', () => {
    assert.deepEqual(parseSchool(values('12345', 'A School', '', 'nope')), {
      errors: [
        { column: 'urn', problem: 'URN must be 6 digits, like 123456' },
        { column: 'dslEmail', problem: 'Enter an email address in the correct format, like name@example.com' },
      ],
    })
    assert.deepEqual(parseSchool(values('123456', 'A School', '', 'a@b.test')), {
      errors: [{ column: 'dslName', problem: 'Enter the designated safeguarding lead’s name as well as their email' }],
    })
  })
})

describe('planSchools', () => {
  const school = { id: 's1', name: 'Hill School', type: 'school', urn: '100001', active: true, version: 1 }
  const police = { id: 'a1', name: 'Thames Valley Police', type: 'police', urn: null, active: true, version: 1 }
  const lead = { id: 'p1', agencyId: 's1', name: 'Ann Lee', email: 'ann@hill.test', version: 1 }

  it('finds schools by URN: new, renamed, and a lead changed in place', () => {
    const plan = planSchools(
      [
        { line: 2, row: row('100001', 'Hill Academy', 'Ben Lee', 'ben@hill.test') },
        { line: 3, row: row('100002', 'Dale School') },
      ],
      { agencies: [school, police], leads: [lead], emails: [] },
    )
    assert.deepEqual(plan.errors, [])
    assert.deepEqual(
      plan.schools.map((p) => [p.row.urn, p.school?.id ?? null, p.schoolChanged, p.lead?.id ?? null, p.leadChanged]),
      [
        ['100001', 's1', true, 'p1', true],
        ['100002', null, false, null, false],
      ],
    )
  })

  it('reports repeated URNs and names, a name another agency has, and an email someone else has', () => {
    const plan = planSchools(
      [
        { line: 2, row: row('100002', 'Dale School') },
        { line: 3, row: row('100002', 'Vale School') },
        { line: 4, row: row('100003', 'dale school') },
        { line: 5, row: row('100004', 'Thames Valley Police') },
        { line: 6, row: row('100005', 'Wold School', 'Ann Other', 'ann@hill.test') },
      ],
      { agencies: [school, police], leads: [lead], emails: [{ id: 'p1', email: 'ann@hill.test' }] },
    )
    assert.deepEqual(
      plan.errors.map((e) => [e.line, e.column]),
      [
        [3, 'urn'],
        [4, 'name'],
        [5, 'name'],
        [6, 'dslEmail'],
      ],
    )
  })
})
