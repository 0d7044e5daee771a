import { markdownTokens } from '../../../platform/markdown.ts'

/**
 * A newsletter issue's Markdown as the plain text of its email (the outbox sends plain text).
 * Read from the same parser as the web page (platform/markdown.ts), so a link the page refuses is
 * text here too. Links keep their address: "the toolkit (https://…)"; headings are underlined,
 * (the parser makes `#` and `##` level 3: those are the main ones, underlined with =),
 * lists keep their bullets and numbers, quotes their "> ", and paragraphs a blank line between.
 */
type Token = ReturnType<typeof markdownTokens>[number]

function inlineText(children: Token[] | null): string {
  let text = ''
  const links: { href: string; start: number }[] = []
  for (const token of children ?? []) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        text += token.content
        break
      case 'softbreak':
      case 'hardbreak':
        text += '\n'
        break
      case 'link_open':
        links.push({ href: String(token.attrGet('href') ?? ''), start: text.length })
        break
      case 'link_close': {
        const link = links.pop()
        if (!link) break
        const label = text.slice(link.start).trim()
        // A bare address needs no repeating: "https://example.org (https://example.org)".
        if (link.href && label !== link.href && `mailto:${label}` !== link.href) text += ` (${link.href})`
        break
      }
      default:
        break
    }
  }
  return text
}

interface ListState {
  ordered: boolean
  next: number
}

export function markdownToPlainText(markdown: string): string {
  const tokens = markdownTokens(markdown)
  const blocks: string[] = []
  const lists: ListState[] = []
  let quoteDepth = 0
  let pendingMarker: string | null = null
  let row: string[] = []

  const push = (text: string) => {
    const indent = '   '.repeat(Math.max(lists.length - 1, 0))
    const marker = pendingMarker ?? ''
    pendingMarker = null
    const lines = text
      .split('\n')
      .map((line, i) => (i === 0 ? `${indent}${marker}${line}` : `${indent}${' '.repeat(marker.length)}${line}`))
    const quoted = quoteDepth ? lines.map((line) => `${'> '.repeat(quoteDepth)}${line}`) : lines
    blocks.push(quoted.join('\n'))
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    switch (token.type) {
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]!.children)
        push(`${text}\n${(token.tag === 'h3' ? '=' : '-').repeat(Math.min(text.length, 70))}`)
        i += 2
        break
      }
      case 'paragraph_open':
        push(inlineText(tokens[i + 1]!.children))
        i += 2
        break
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0 })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        const list = lists[lists.length - 1]!
        pendingMarker = list.ordered ? `${list.next++}. ` : '- '
        break
      }
      case 'blockquote_open':
        quoteDepth++
        break
      case 'blockquote_close':
        quoteDepth--
        break
      case 'fence':
      case 'code_block':
        push(token.content.replace(/\n$/, ''))
        break
      case 'hr':
        push('----------')
        break
      case 'tr_open':
        row = []
        break
      case 'inline':
        // Only table cells reach here: headings and paragraphs take their inline token themselves.
        row.push(inlineText(token.children))
        break
      case 'tr_close':
        push(row.join(' | '))
        break
      default:
        break
    }
  }
  return compactLists(blocks).trim()
}

/** List items sit on consecutive lines; every other block is a paragraph of its own. */
function compactLists(blocks: string[]) {
  let text = ''
  for (const [index, block] of blocks.entries()) {
    const listItem = /^(> )*\s*(- |\d+\. )/.test(block)
    const previousListItem = index > 0 && /^(> )*\s*(- |\d+\. )/.test(blocks[index - 1]!)
    const tableRow = block.includes(' | ') && index > 0 && blocks[index - 1]!.includes(' | ')
    text += index === 0 ? block : `${(listItem && previousListItem) || tableRow ? '\n' : '\n\n'}${block}`
  }
  return text
}
