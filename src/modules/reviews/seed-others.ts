import type { WorkingDayCalendar } from '../../platform/working-days.ts'
import { addDays } from '../learning/seed-random.ts'
import { corePanel, type DemoCase } from './seed-data.ts'

/**
 * The rest of the demo's cases. For 2016/17: Child N, a serious case review still active at the
 * year's end; Child O, completed as far as possible while a police investigation goes on; and two
 * referrals that did not meet the criteria, one reviewed anyway as a learning review (Child Q),
 * one not reviewed (Child R). Under Working Together 2018, dated from today so the clocks are
 * live: Child P, a practice review published this year with recommendations under way; Child S,
 * whose deadlines were met and whose practice review is active; Child T, whose rapid review is
 * overdue; and Child U, notified of this week, whose notification is due within days.
 */
export function yearCases(): DemoCase[] {
  return [
    {
      reference: 'Child N',
      fields: {
        circumstances:
          'A three-year-old boy was admitted to hospital severely underweight and with a head injury. His family had moved into the county from another area a few months before, and the transfer of his child protection plan had not been completed.',
        incidentOn: '2016-07-08',
        awareOn: '2016-07-11',
        referrer: 'Consultant paediatrician',
        harm: 'serious-harm',
        ageBand: '1-5',
        concerns: ['neglect', 'physical-abuse', 'domestic-abuse'],
        framework: 'working-together-2015',
        decisionOutcome: 'criteria-met',
        decisionRationale:
          'Neglect and abuse are known and the boy was seriously harmed. The plan from his previous area was not transferred in time: there is cause for concern about how agencies worked together.',
        decidedOn: '2016-08-16',
        reviewType: 'serious-case-review',
        methodology: 'Systems review',
        leadReviewer: 'Jane Lockwood, independent reviewer',
        termsOfReference:
          'How the child protection plan transferred between areas; how the boy’s growth and development were monitored; what agencies knew of domestic abuse in the household.',
        commissionedOn: '2016-09-13',
        panelMeetings: ['2016-10-18', '2016-12-13', '2017-02-21'],
        status: 'active',
      },
      referredBy: 'Oxford University Hospitals NHS Foundation Trust',
      decidedBy: 'Claire Morgan',
      agencies: [
        'Oxford University Hospitals NHS Foundation Trust',
        'Oxfordshire County Council',
        'Oxford Health NHS Foundation Trust',
        'Cherwell District Council',
      ],
      panel: [...corePanel, 'Grace Lindqvist'],
      learningPoints: [],
      recommendations: [],
    },
    {
      reference: 'Child O',
      fields: {
        circumstances:
          'A seven-week-old baby died in hospital after being brought in unresponsive. The police are investigating the cause of death, and the baby’s father has been arrested.',
        incidentOn: '2016-03-12',
        awareOn: '2016-03-14',
        referrer: 'Thames Valley Police',
        harm: 'death',
        ageBand: 'under-1',
        concerns: ['physical-abuse', 'substance-misuse', 'domestic-abuse'],
        framework: 'working-together-2015',
        decisionOutcome: 'criteria-met',
        decisionRationale:
          'A baby has died and abuse is suspected. The review will run alongside the police investigation and will not be published until it ends.',
        decidedOn: '2016-04-12',
        reviewType: 'serious-case-review',
        methodology: 'SCIE Learning Together',
        leadReviewer: 'Dr Margaret Ellison, independent reviewer',
        termsOfReference:
          'What agencies knew of the parents’ circumstances before and after the birth, and how the risk to the baby was assessed.',
        commissionedOn: '2016-05-10',
        panelMeetings: ['2016-06-14', '2016-09-20', '2016-11-15'],
        draftReceivedOn: '2017-01-17',
        parallelProcess: 'police-investigation',
        parallelStartedOn: '2016-03-15',
        status: 'awaiting-parallel-process',
      },
      referredBy: 'Thames Valley Police',
      decidedBy: 'Claire Morgan',
      agencies: [
        'Thames Valley Police',
        'Oxford University Hospitals NHS Foundation Trust',
        'Oxford Health NHS Foundation Trust',
      ],
      panel: [...corePanel, 'Dr Ben Adeyemi'],
      learningPoints: [
        [
          'Midwives knew of the father’s violence in an earlier relationship but it did not reach the health visitor.',
          ['Fathers and male carers', 'Information sharing'],
        ],
      ],
      recommendations: [],
    },
    {
      reference: 'Child Q',
      fields: {
        circumstances:
          'An eight-year-old girl told her teacher that her stepfather had sexually abused her over two years. She had been seen by several services for bedwetting and for her behaviour at school.',
        awareOn: '2016-06-06',
        referrer: 'Designated safeguarding lead, primary school',
        harm: 'other',
        ageBand: '6-10',
        concerns: ['sexual-abuse'],
        framework: 'working-together-2015',
        decisionOutcome: 'learning-review',
        decisionRationale:
          'The criteria are not met: agencies acted promptly and well on her disclosure. There is learning about the earlier signs, so the case is reviewed as a learning review.',
        decidedOn: '2016-07-12',
        reviewType: 'learning-review',
        methodology: 'Multi-agency practitioner learning event',
        leadReviewer: 'Tom Whitfield, business unit',
        commissionedOn: '2016-09-06',
        panelMeetings: ['2016-11-08', '2017-03-07'],
        draftReceivedOn: '2017-05-02',
        signedOffOn: '2017-06-20',
        status: 'completed',
      },
      referredBy: 'Schools',
      decidedBy: 'Claire Morgan',
      agencies: ['Schools', 'Oxford Health NHS Foundation Trust', 'Oxfordshire County Council'],
      panel: ['Claire Morgan', 'Nicola Fraser', 'Grace Lindqvist'],
      learningPoints: [
        [
          'Bedwetting and sexualised behaviour were treated as medical and behavioural problems without asking the girl what was happening.',
          ['Voice of the child', 'Behaviour and special educational needs'],
        ],
        ['Each service saw one sign; none knew what the others had seen.', ['Information sharing']],
      ],
      recommendations: [],
    },
    {
      reference: 'Child R',
      fields: {
        circumstances:
          'A fifteen-year-old boy was stabbed in a city centre park. He was known to the youth justice service; the police found no sign that he had been abused or neglected.',
        awareOn: '2016-10-03',
        referrer: 'Youth justice service manager',
        harm: 'serious-harm',
        ageBand: '11-15',
        concerns: ['criminal-exploitation'],
        framework: 'working-together-2015',
        decisionOutcome: 'criteria-not-met',
        decisionRationale:
          'The boy was seriously harmed, but abuse or neglect is not known or suspected, and agencies worked well together. The learning on knife crime goes to the community safety partnership.',
        decidedOn: '2016-11-15',
        status: 'not-reviewed',
      },
      referredBy: 'Oxfordshire County Council',
      decidedBy: 'Claire Morgan',
      agencies: ['Thames Valley Police', 'Oxfordshire County Council'],
      panel: [],
      learningPoints: [],
      recommendations: [],
    },
  ]
}

/** The cases under Working Together 2018, dated back from `today` in working days on the partnership's calendar. */
export function currentCases(today: string, calendar: WorkingDayCalendar): DemoCase[] {
  const day = (days: number) => addDays(today, days)
  const workingDay = (from: string, n: number) => calendar.addWorkingDays(from, n)
  const pAware = day(-330)
  const pRapid = workingDay(pAware, 13)
  const sAware = workingDay(today, -40)
  const sRapid = workingDay(sAware, 14)
  const tAware = workingDay(today, -20)
  const uAware = workingDay(today, -2)
  return [
    {
      reference: 'Child P',
      fields: {
        circumstances:
          'A six-year-old girl was seriously injured by her mother’s partner. There had been police call-outs for domestic abuse, the mother had depression and both adults used alcohol heavily.',
        incidentOn: day(-332),
        awareOn: pAware,
        referrer: 'Children’s social care duty manager',
        harm: 'serious-harm',
        ageBand: '6-10',
        concerns: ['domestic-abuse', 'parental-mental-health', 'substance-misuse', 'physical-abuse'],
        notifiedOn: workingDay(pAware, 2),
        rapidReviewOn: pRapid,
        framework: 'working-together-2018',
        decisionOutcome: 'criteria-met',
        decisionRationale:
          'The rapid review found learning about how domestic abuse, mental ill health and alcohol together were understood; a local child safeguarding practice review will find it out.',
        decidedOn: pRapid,
        panelView: 'The national panel agreed that a local child safeguarding practice review is appropriate.',
        panelViewOn: workingDay(pRapid, 10),
        reviewType: 'practice-review',
        methodology: 'SCIE Learning Together',
        leadReviewer: 'Jane Lockwood, independent reviewer',
        commissionedOn: workingDay(pRapid, 15),
        panelMeetings: [day(-250), day(-200)],
        draftReceivedOn: day(-170),
        signedOffOn: day(-120),
        sentToPanelOn: day(-105),
        publishedOn: day(-90),
        status: 'published',
      },
      referredBy: 'Oxfordshire County Council',
      decidedBy: 'Claire Morgan',
      agencies: ['Thames Valley Police', 'Oxford Health NHS Foundation Trust', 'Oxfordshire County Council', 'Schools'],
      panel: [...corePanel, 'Grace Lindqvist'],
      learningPoints: [
        [
          'Domestic abuse, the mother’s depression and both adults’ drinking were each known to one agency; no one saw the three together.',
          ['Domestic abuse', 'Parental mental health', 'Substance misuse'],
        ],
        [
          'The girl was never seen on her own, and what she told her teacher was not passed on.',
          ['Voice of the child'],
        ],
        ['The school’s referral had no reply for three weeks and was not escalated.', ['Escalation']],
      ],
      recommendations: [
        {
          agency: 'Oxford Health NHS Foundation Trust',
          text: 'Midwives and health visitors must ask about domestic abuse at every contact where the partner is not present, and record the answer.',
          dueOn: day(-30),
          status: 'open',
          actions: [
            {
              description: 'Add the routine question about domestic abuse to the maternity and health visiting records',
              owner: 'Sam Patel',
              dueOn: day(-30),
            },
          ],
        },
        {
          agency: 'Oxfordshire County Council',
          text: 'Social workers must see the child alone and record the child’s own words in every assessment.',
          response: 'Accepted. Practice standards updated; an audit will test them.',
          dueOn: day(60),
          status: 'in-progress',
          actions: [
            {
              description: 'Audit 40 assessments for the child seen alone and their words recorded',
              owner: 'Claire Morgan',
              dueOn: day(45),
              status: 'on-track',
            },
          ],
        },
        {
          agency: 'Thames Valley Police',
          text: 'Share every domestic abuse call-out to a household with children with the multi-agency safeguarding hub by the next working day.',
          response: 'Accepted.',
          dueOn: day(-15),
          status: 'complete',
          completed: {
            completedOn: day(-20),
            evidence: 'The hub’s performance report: 98% of notifications by the next working day in the last quarter.',
          },
          actions: [
            {
              description: 'Update the domestic abuse notification procedure',
              owner: 'Detective Superintendent Kate Lyons',
              dueOn: day(-40),
              completed: { completedOn: day(-45), evidence: 'Procedure version 3, published to all officers.' },
            },
          ],
        },
        {
          agency: 'Schools',
          text: 'Designated safeguarding leads must escalate a referral that has had no response within three working days.',
          dueOn: day(120),
          status: 'open',
        },
      ],
      summary: {
        whatHappened:
          'A six-year-old girl was seriously injured by her mother’s partner. Domestic abuse, the mother’s depression and both adults’ drinking were each known to one agency.',
        whatWeLearned:
          '- Domestic abuse, mental ill health and substance misuse together multiply the risk to a child.\n- A child who is never seen alone is not heard.\n- A referral with no reply is a referral to chase.',
        whatToDoDifferently:
          '- Ask about domestic abuse when you can speak to a parent alone.\n- See the child alone and write down their words.\n- Escalate after three working days without a response.',
      },
    },
    {
      reference: 'Child S',
      fields: {
        circumstances:
          'A fourteen-month-old boy was admitted to hospital with a skull fracture his parents could not explain.',
        awareOn: sAware,
        referrer: 'Consultant paediatrician',
        harm: 'serious-harm',
        ageBand: '1-5',
        concerns: ['physical-abuse'],
        notifiedOn: workingDay(sAware, 3),
        rapidReviewOn: sRapid,
        framework: 'working-together-2018',
        decisionOutcome: 'criteria-met',
        decisionRationale: 'The rapid review found questions about how earlier injuries were explained and shared.',
        decidedOn: sRapid,
        reviewType: 'practice-review',
        leadReviewer: 'Dr Margaret Ellison, independent reviewer',
        commissionedOn: workingDay(sRapid, 10),
        status: 'active',
      },
      referredBy: 'Oxford University Hospitals NHS Foundation Trust',
      decidedBy: 'Claire Morgan',
      agencies: ['Oxford University Hospitals NHS Foundation Trust', 'Oxfordshire County Council'],
      panel: corePanel,
      learningPoints: [],
      recommendations: [],
    },
    {
      reference: 'Child T',
      fields: {
        circumstances:
          'A baby of three months died suddenly at home while sleeping on a sofa with a parent who had been drinking.',
        awareOn: tAware,
        referrer: 'Thames Valley Police',
        harm: 'death',
        ageBand: 'under-1',
        concerns: ['sudden-unexpected-death', 'substance-misuse'],
        notifiedOn: workingDay(tAware, 4),
        framework: 'working-together-2018',
        status: 'referred',
      },
      referredBy: 'Thames Valley Police',
      decidedBy: null,
      agencies: ['Thames Valley Police', 'Oxford Health NHS Foundation Trust'],
      panel: [],
      learningPoints: [],
      recommendations: [],
    },
    {
      reference: 'Child U',
      fields: {
        circumstances: 'A sixteen-year-old was seriously injured after being exploited to sell drugs out of county.',
        awareOn: uAware,
        referrer: 'Youth justice service manager',
        harm: 'serious-harm',
        ageBand: '16-17',
        concerns: ['criminal-exploitation'],
        framework: 'working-together-2018',
        status: 'referred',
      },
      referredBy: 'Oxfordshire County Council',
      decidedBy: null,
      agencies: ['Thames Valley Police', 'Oxfordshire County Council'],
      panel: [],
      learningPoints: [],
      recommendations: [],
    },
  ]
}
