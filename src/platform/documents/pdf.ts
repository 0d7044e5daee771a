import { closeChromium, withOfflinePage } from './chromium.ts'

/**
 * The PDF is the standalone HTML (print.ts) printed by headless Chromium: the same headings and
 * tables as the web page, tagged so a screen reader can follow its structure, with the headings
 * as bookmarks. Page numbers go in the footer, which Chromium marks as an artefact, not content.
 */
const footer = `<div style="font: 9px Arial, sans-serif; width: 100%; text-align: center; color: #505a5f">
  Page <span class="pageNumber"></span> of <span class="totalPages"></span>
</div>`

export interface PdfOptions {
  /** Across the page (a certificate). */
  landscape?: boolean
  /** "Page 1 of 3" in the footer; true by default, pointless on a one-page certificate. */
  pageNumbers?: boolean
}

export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  return withOfflinePage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' })
    return page.pdf({
      format: 'A4',
      landscape: !!options.landscape,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: options.pageNumbers ?? true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '20mm', right: '18mm', bottom: '22mm', left: '18mm' },
    })
  })
}

/** Closes the browser PDF printing keeps open (shared with the charts drawn for Word). */
export const closePdfBrowser = closeChromium
