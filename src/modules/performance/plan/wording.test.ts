import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { reportingYear } from '../../../platform/reporting-years.ts'
import { aimsWords, areasWords, listItems, messagesWords, prioritiesWords } from './wording.ts'

/** The business plan section's starting words, worked by hand: the seed paper's shape, never "0 of 0". */
const year = reportingYear(2016)
const p = (key: string) => `{{performance.${key}}}`
const priorities = (...evaluations: ('achieved' | 'partly-achieved' | 'not-achieved' | null)[]) =>
  evaluations.map((evaluation) => ({ evaluation }))
const lead = 'The annual report evaluates performance against the priorities set out in the Business Plan for 2016/17.'

describe('business plan wording', () => {
  it('says a year with no plan, or no priorities, in words', () => {
    assert.equal(prioritiesWords(null, 'OSCB', year), 'The OSCB had no business plan for 2016/17.')
    assert.equal(
      prioritiesWords({ priorities: [], actions: [] }, 'OSCB', year),
      'The OSCB’s business plan for 2016/17 set no priorities.',
    )
  })

  it('counts the evaluations with placeholders, leaving out what the year had none of', () => {
    assert.equal(
      prioritiesWords(
        { priorities: priorities('achieved', 'partly-achieved', 'achieved', 'achieved'), actions: [] },
        'OSCB',
        year,
      ),
      `${lead} Of its ${p('priorities')} priorities, ${p('priorities-achieved')} were achieved and ${p('priorities-partly-achieved')} partly achieved.`,
    )
    assert.equal(
      prioritiesWords({ priorities: priorities('not-achieved', 'achieved', null), actions: [] }, 'OSCB', year),
      `${lead} Of its ${p('priorities')} priorities, ${p('priorities-achieved')} was achieved and ${p('priorities-not-achieved')} not achieved. ${p('priorities-not-evaluated')} has not yet been evaluated.`,
    )
    assert.equal(
      prioritiesWords({ priorities: priorities('achieved', 'achieved'), actions: [] }, 'OSCB', year),
      `${lead} All ${p('priorities')} of its priorities were achieved.`,
    )
    assert.equal(
      prioritiesWords({ priorities: priorities(null), actions: [] }, 'OSCB', year),
      `${lead} Its priority has not yet been evaluated.`,
    )
  })

  it('says where the actions stood at the year’s end', () => {
    const words = (actions: ('complete' | 'open' | 'overdue')[]) =>
      prioritiesWords({ priorities: priorities(null, null), actions }, 'OSCB', year).split('evaluated. ')[1]
    const of = (n: string) => `Of the ${p('plan-actions')} ${n} raised under its priorities,`
    assert.equal(
      words(['complete', 'complete', 'overdue']),
      `${of('actions')} ${p('plan-actions-complete')} were complete at the year’s end and ${p('plan-actions-overdue')} was overdue.`,
    )
    assert.equal(
      words(['complete', 'open', 'overdue']),
      `${of('actions')} ${p('plan-actions-complete')} was complete at the year’s end and ${p('plan-actions-open')} were still open, ${p('plan-actions-overdue')} of them overdue.`,
    )
    assert.equal(
      words(['open', 'open']),
      `${of('actions')} none was complete at the year’s end: ${p('plan-actions-open')} were still open.`,
    )
    assert.equal(
      words(['complete', 'complete']),
      `All ${p('plan-actions')} actions raised under its priorities were complete at the year’s end.`,
    )
    assert.equal(words([]), undefined, 'no sentence about actions when there are none')
  })

  it('puts the areas for improvement after the seed’s opening, and lists the aims and messages under their line', () => {
    assert.equal(areasWords('  '), '')
    assert.equal(areasWords('Neglect.'), 'There are, however, areas for improvement. Neglect.')
    assert.equal(
      areasWords('- Neglect\n- Exploitation'),
      'There are, however, areas for improvement:\n- Neglect\n- Exploitation',
    )
    assert.equal(
      aimsWords(['Neglect', '1. Learning *first*'], 'OSCB', reportingYear(2017)),
      'The annual report directs the OSCB towards the following aims for 2017/18:\n- Neglect\n- 1\\. Learning \\*first\\*',
    )
    assert.equal(
      aimsWords([], 'OSCB', reportingYear(2017)),
      'The OSCB’s aims for 2017/18 have not yet been set in a business plan.',
    )
    assert.equal(messagesWords(''), '')
    assert.equal(
      messagesWords('* Thresholds\n* Long-term\n  planning'),
      'The annual report presents the following messages for multi-agency work going forward:\n- Thresholds\n- Long-term planning',
    )
  })

  it('reads a list or paragraphs as items', () => {
    assert.deepEqual(listItems('First one\nwrapped\n\nSecond'), ['First one wrapped', 'Second'])
    assert.deepEqual(listItems('1. One\n2) Two\n- Three'), ['One', 'Two', 'Three'])
    assert.deepEqual(listItems('\n\n'), [])
  })
})
