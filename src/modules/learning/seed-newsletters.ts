import { randomUUID } from 'node:crypto'

import { londonAt, plusMinutes, type Random } from './seed-random.ts'
import type { LearnerRow, workforce } from './seed-workforce.ts'
import type { mailingLists, newsletterIssues, subscriptions } from './schema.ts'

/**
 * The demo's two mailing lists as the seed paper describes them: the termly newsletter to over
 * 4,000 of the workforce and an e-bulletin to educational settings, with subscribers who joined
 * over the years (a few left, a few never confirmed) and the issues sent. The counts at the end
 * of 2016/17 are set exactly; when each joined, left and which issue went when is drawn at random.
 */
export type ListRow = typeof mailingLists.$inferInsert & { id: string }
export type SubscriptionRow = typeof subscriptions.$inferInsert & {
  confirmedAt: Date | null
  unsubscribedAt: Date | null
}
export type IssueRow = typeof newsletterIssues.$inferInsert

interface ListPlan {
  name: string
  description: string
  consent: string
  /** Subscribed since `since` (London day); confirmed by the end of March 2017 and there still. */
  stayed: number
  /** Confirmed by the end of March 2017, unsubscribed later: still counted at the year's end. */
  leftAfter: number
  /** Confirmed and unsubscribed before the year's end. */
  leftBefore: number
  neverConfirmed: number
  /** Joined from April 2017 until this autumn. */
  joinedLater: number
  since: string
  issues: [title: string, sent: string | null, body: string][]
}

const termlyBody = (season: string, items: string[]) =>
  `## ${season}\n\nWelcome to the Board’s termly newsletter for everyone who works with children.\n\n${items
    .map((item) => `- ${item}`)
    .join('\n')}\n\nBook training at any time on our [training pages](/training).`

const plans: ListPlan[] = [
  {
    name: 'Termly newsletter',
    description: 'News from the Board, learning from reviews and audits, and training dates, once a term.',
    consent: 'Yes, send me the termly newsletter by email. I can unsubscribe at any time from the link in every issue.',
    stayed: 4146,
    leftAfter: 140,
    leftBefore: 58,
    neverConfirmed: 31,
    joinedLater: 620,
    since: '2013-09-02',
    issues: [
      [
        'Spring 2016',
        '2016-02-10',
        termlyBody('Spring 2016', ['New threshold of needs guidance', 'Training dates to July']),
      ],
      [
        'Summer 2016',
        '2016-06-08',
        termlyBody('Summer 2016', ['Learning event: safeguarding risks online', 'Neglect toolkit launched']),
      ],
      [
        'Autumn 2016',
        '2016-10-12',
        termlyBody('Autumn 2016', [
          'What the serious case review taught us',
          'Relationships and identity: the learning event',
        ]),
      ],
      [
        'Spring 2017',
        '2017-02-08',
        termlyBody('Spring 2017', ['Annual conference on 9 March', 'Working with neglect: the learning event']),
      ],
      [
        'Winter 2026',
        null,
        termlyBody('Winter 2026', ['Training dates for the new year', 'Learning from this year’s reviews']),
      ],
    ],
  },
  {
    name: 'E-bulletin for educational settings',
    description: 'Safeguarding updates for schools, colleges and early years settings, several times a term.',
    consent: 'Yes, send the e-bulletin for educational settings to this address. I can unsubscribe at any time.',
    stayed: 352,
    leftAfter: 24,
    leftBefore: 11,
    neverConfirmed: 7,
    joinedLater: 60,
    since: '2014-09-01',
    issues: [
      [
        'Keeping children safe in education: the new guidance',
        '2016-05-25',
        'The updated statutory guidance for schools and colleges comes into force in **September 2016**. Read it with your staff before then.',
      ],
      [
        'Designated safeguarding lead training, autumn term',
        '2016-07-06',
        'Dates for designated safeguarding lead training next term are now open to book.',
      ],
      [
        'Back to school: safeguarding checklist',
        '2016-09-07',
        '- Update your child protection policy\n- Check staff have read Part 1 of the guidance\n- Refresh your single central record',
      ],
      ['Children missing education', '2016-10-19', 'What to do when a pupil stops attending, and who to tell.'],
      ['Online safety for pupils', '2016-11-30', 'Resources from the learning event on safeguarding risks online.'],
      ['Spring term training for schools', '2017-01-11', 'Places on the spring term courses for school staff.'],
      [
        'Self-assessment for schools',
        '2017-03-01',
        'The annual safeguarding self-assessment for schools is open until **31 March**.',
      ],
    ],
  },
]

const yearEnd = londonAt('2017-03-29', '12:00')
const between = (random: Random, from: Date, to: Date) =>
  new Date(from.getTime() + Math.floor(random.next() * (to.getTime() - from.getTime())))

export function newsletters(
  random: Random,
  partnershipId: string,
  options: { learners: readonly LearnerRow[]; people: ReturnType<typeof workforce>; now: Date },
) {
  const { learners, people, now } = options
  const autumn = new Date(Math.min(now.getTime(), londonAt('2026-11-01', '12:00').getTime()))
  const lists: ListRow[] = []
  const subscriptionRows: SubscriptionRow[] = []
  const issueRows: IssueRow[] = []
  for (const plan of plans) {
    const list: ListRow = { id: randomUUID(), partnershipId, name: plan.name, description: plan.description }
    lists.push(list)
    const schools = plan.name.startsWith('E-bulletin')
    const readers = random.shuffle(
      learners.filter((l) => !schools || people.schoolDomains.includes(l.email!.split('@')[1]!)),
    )
    const total = plan.stayed + plan.leftAfter + plan.leftBefore + plan.neverConfirmed + plan.joinedLater
    const rows: SubscriptionRow[] = []
    for (let i = 0; i < total; i++) {
      const learner = readers.length > 0 && random.chance(schools ? 0.7 : 0.65) ? readers.pop()! : null
      const who = learner
        ? { name: learner.name, email: learner.email! }
        : people.reader(schools ? people.schoolDomains : undefined)
      const later = i >= total - plan.joinedLater
      const consentedAt = later
        ? between(random, londonAt('2017-04-02', '09:00'), autumn)
        : between(random, londonAt(plan.since, '09:00'), yearEnd)
      const confirmed = i >= plan.neverConfirmed
      const confirmedAt = confirmed ? plusMinutes(consentedAt, random.int(2, 2880)) : null
      let unsubscribedAt: Date | null = null
      const n = i - plan.neverConfirmed
      if (confirmed && n < plan.leftBefore) unsubscribedAt = between(random, confirmedAt!, yearEnd)
      else if (confirmed && n < plan.leftBefore + plan.leftAfter)
        unsubscribedAt = between(random, londonAt('2017-04-03', '09:00'), autumn)
      rows.push({
        id: randomUUID(),
        partnershipId,
        listId: list.id,
        email: who.email,
        name: who.name,
        consentText: plan.consent,
        consentedAt,
        confirmedAt,
        unsubscribedAt,
        createdAt: consentedAt,
        updatedAt: unsubscribedAt ?? confirmedAt ?? consentedAt,
      })
    }
    subscriptionRows.push(...rows)
    for (const [title, sent, body] of plan.issues) {
      const sentAt = sent ? londonAt(sent, '10:00') : null
      const recipients = sentAt
        ? rows.filter(
            (r) => r.confirmedAt && r.confirmedAt <= sentAt && !(r.unsubscribedAt && r.unsubscribedAt <= sentAt),
          ).length
        : null
      issueRows.push({
        partnershipId,
        listId: list.id,
        title,
        body,
        status: sentAt ? 'sent' : 'draft',
        sentAt,
        recipients,
        createdAt: sentAt ? plusMinutes(sentAt, -4 * 24 * 60) : now,
        updatedAt: sentAt ?? now,
      })
    }
  }
  return { lists, subscriptions: subscriptionRows, issues: issueRows }
}
