import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { markdownToPlainText } from './plain-text.ts'

describe('a newsletter issue as plain text', () => {
  it('keeps headings, paragraphs, lists and links readable', () => {
    const text = markdownToPlainText(
      [
        '# Spring newsletter',
        '',
        'Welcome to **this term’s** news from the [partnership](https://example.org/board).',
        '',
        '## Training',
        '',
        '- Neglect toolkit',
        '- Working together',
        '  1. part one',
        '  2. part two',
        '',
        '> Think family.',
        '',
        'Read more at https://example.org or mailto:lsp@example.org.',
      ].join('\n'),
    )
    assert.equal(
      text,
      [
        'Spring newsletter',
        '=================',
        '',
        'Welcome to this term’s news from the partnership (https://example.org/board).',
        '',
        'Training',
        '========',
        '',
        '- Neglect toolkit',
        '- Working together',
        '   1. part one',
        '   2. part two',
        '',
        '> Think family.',
        '',
        'Read more at https://example.org or mailto:lsp@example.org.',
      ].join('\n'),
    )
  })

  it('shows a link it will not make as the text typed, and raw HTML as text', () => {
    const text = markdownToPlainText('[click](javascript:alert(1)) and <b>bold</b>')
    assert.equal(text, '[click](javascript:alert(1)) and <b>bold</b>')
  })

  it('writes a table row by row', () => {
    assert.equal(
      markdownToPlainText('| Course | Date |\n|---|---|\n| Neglect | 1 May |'),
      'Course | Date\nNeglect | 1 May',
    )
  })
})
