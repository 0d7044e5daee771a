import type { HomePanel } from '../../../platform/modules.ts'
import { scorecard } from '../scorecard.ts'
import { exceptionKindLabels, exceptionsIn, indicatorHref } from './presenters.ts'
import { scorecardYears } from './year.ts'

const shown = 5

/** The latest year's exceptions on the home page of everyone who reads performance: at most five, and a link to all. */
export const exceptionsPanel: HomePanel = {
  permission: 'performance:read',
  load: async (db, actor) => {
    const card = await scorecard(db, actor.partnershipId)
    const { label } = scorecardYears(card)
    if (!label) return null
    const exceptions = exceptionsIn(card.rows)
    return {
      title: `Performance exceptions, ${label}`,
      items: exceptions.slice(0, shown).map((e) => ({
        text: e.indicator.name,
        href: indicatorHref(e.indicator.id),
        hint: `${exceptionKindLabels[e.kind]}. ${e.sentence}`,
      })),
      empty: `No indicator stands out in ${label}.`,
      link: {
        href: '/performance/exceptions',
        text: exceptions.length > shown ? `See all ${exceptions.length} exceptions` : 'See the exceptions',
      },
    }
  },
}
