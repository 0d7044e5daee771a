import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { closeProblem } from './changes.ts'
import { panelItems, progressText, recommendationCsv, statusTags } from './presenters.ts'

/** Recommendations in words: progress, status with "Overdue" beside it, the home panel's order, why one cannot close. */

const recommendation = (overrides: Partial<Parameters<typeof recommendationCsv>[0][number]> = {}) => ({
  id: '0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  caseId: '5f2b9c1e-6d3a-4c8e-9b1f-2a7d4e6c8b01',
  reference: 'Child K',
  number: 3,
  text: 'Health visitors should ask about every adult in the household',
  agencyName: 'Oxford Health NHS Foundation Trust',
  status: 'open' as const,
  dueOn: '2017-03-31',
  completedOn: null,
  overdue: false,
  actionsTotal: 0,
  actionsComplete: 0,
  actionsOverdue: 0,
  ...overrides,
})

describe('recommendation presenters', () => {
  it('says how its actions are going, open ones counted apart from overdue ones', () => {
    assert.equal(progressText(recommendation()), 'No actions')
    assert.equal(progressText(recommendation({ actionsTotal: 1, actionsComplete: 1 })), '1 action: 1 complete')
    assert.equal(
      progressText(recommendation({ actionsTotal: 4, actionsComplete: 1, actionsOverdue: 2 })),
      '4 actions: 1 complete, 2 overdue, 1 open',
    )
  })

  it('shows its status as a tag, with a red "Overdue" beside it when it is', () => {
    assert.equal(statusTags(recommendation()), '<strong class="govuk-tag govuk-tag--blue">Open</strong>')
    assert.equal(
      statusTags(recommendation({ status: 'in-progress', overdue: true })),
      '<strong class="govuk-tag govuk-tag--yellow">In progress</strong> <strong class="govuk-tag govuk-tag--red">Overdue</strong>',
    )
  })

  it('puts overdue ones first on the agency lead’s home panel, each named by case and number', () => {
    const items = panelItems([
      recommendation({ id: 'a', number: 1 }),
      recommendation({ id: 'b', number: 2, overdue: true, dueOn: '2016-12-31' }),
    ])
    assert.deepEqual(
      items.map((i) => [i.text, i.hint]),
      [
        ['Child K: recommendation 2', 'Overdue, due 31 December 2016'],
        ['Child K: recommendation 1', 'Open, due 31 March 2017'],
      ],
    )
  })

  it('downloads every column in words', () => {
    const [head, row] = recommendationCsv([recommendation({ overdue: true, actionsTotal: 2, actionsOverdue: 1 })])
    assert.deepEqual(head!.slice(0, 6), ['Case', 'Number', 'Recommendation', 'Agency', 'Status', 'Overdue'])
    assert.deepEqual(row, [
      'Child K',
      3,
      'Health visitors should ask about every adult in the household',
      'Oxford Health NHS Foundation Trust',
      'Open',
      'Yes',
      '2017-03-31',
      '',
      2,
      0,
      1,
    ])
  })

  it('closes only once every action is complete, and says how many are not', () => {
    const done = { status: 'complete', description: 'Audit' }
    const open = { status: 'on-track', description: 'Train' }
    assert.equal(closeProblem({ status: 'in-progress' }, [done]), null)
    assert.equal(closeProblem({ status: 'open' }, []), null)
    assert.equal(
      closeProblem({ status: 'open' }, [done, open, open]),
      '2 of its actions are not complete: complete them in the action tracker first',
    )
    assert.equal(closeProblem({ status: 'complete' }, []), 'This recommendation is already complete')
  })
})
