import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { SeedContext } from '../../platform/modules.ts'
import { reportingYear } from '../../platform/reporting-years.ts'
import { agencies, people } from '../partnership/schema.ts'
import { evaluatePriority, addPriority, raisePriorityAction } from './plan/priorities.ts'
import { changeReview, createPlan, getPlan, getPriority } from './plan/service.ts'
import { indicators, type PriorityEvaluation } from './schema.ts'

/**
 * The demo's business plans, from the seed cabinet paper: the 2016/17 plan with four priorities
 * drawn from ¶8, evaluated at the year's end (three achieved, one partly) with their evidence and
 * actions (one overdue, owned by Oxford Health NHS Foundation Trust, so the demo agency lead sees
 * it), the year's areas for improvement (¶11) and messages for multi-agency work (¶13); and the
 * 2017/18 plan, whose priorities are the paper's three aims (¶12), not yet evaluated. Priorities
 * are linked to the catalogue's indicators by code when the catalogue is loaded before them.
 */

interface DemoAction {
  description: string
  agency: string
  person: string
  dueOn: string
  completed?: { evidence: string; completedOn: string }
  status?: 'not-started' | 'on-track' | 'at-risk'
}

interface DemoPriority {
  title: string
  outcomes: string
  indicators: string[]
  evaluation?: { evaluation: PriorityEvaluation; evidence: string }
  actions: DemoAction[]
}

const council = 'Oxfordshire County Council'
const done = (completedOn: string, evidence: string) => ({ completedOn, evidence })

const plan2016: DemoPriority[] = [
  {
    title: 'Improving access to early help and a shared understanding of thresholds',
    outcomes:
      '- Families and professionals find the right help at the right time.\n- A new threshold of needs matrix and an early help assessment are used across the partnership.\n- Toolkits and resources are gathered in one place, ready for an online portal.',
    indicators: ['REF-RATE', 'REREF-PC', 'ASSESS-45-PC'],
    evaluation: {
      evaluation: 'achieved',
      evidence:
        'The new threshold of needs matrix and the early help assessment were launched in September 2016 and are used by every partner agency. All toolkits and resources were collated, ready for the online portal.',
    },
    actions: [
      {
        description: 'Launch the revised threshold of needs matrix, with briefings for every partner agency',
        agency: council,
        person: 'Claire Morgan',
        dueOn: '2016-09-30',
        completed: done('2016-09-28', 'The matrix was published on 28 September 2016 and 14 briefings were held.'),
      },
      {
        description: 'Collate the partnership’s toolkits and resources for the online portal',
        agency: council,
        person: 'Tom Whitfield',
        dueOn: '2017-03-31',
        completed: done('2017-03-15', 'Every toolkit and resource is listed, checked and ready to load.'),
      },
    ],
  },
  {
    title: 'Tackling child sexual exploitation',
    outcomes:
      '- Agencies spot children at risk of sexual exploitation early and assess the risk in the same way.\n- Perpetrators are disrupted and prosecuted.',
    indicators: [],
    evaluation: {
      evaluation: 'achieved',
      evidence:
        'A new multi-agency risk assessment tool for child sexual exploitation was introduced in June 2016 and is used by the police, children’s social care and health. Perpetrators of child sexual exploitation were successfully prosecuted during the year.',
    },
    actions: [
      {
        description: 'Introduce the multi-agency risk assessment tool for child sexual exploitation',
        agency: 'Thames Valley Police',
        person: 'Detective Superintendent Kate Lyons',
        dueOn: '2016-06-30',
        completed: done('2016-06-20', 'The tool is in use by every agency on the exploitation panel.'),
      },
      {
        description: 'Train designated safeguarding leads in schools to use the exploitation screening tool',
        agency: 'Schools',
        person: 'Nicola Fraser',
        dueOn: '2017-01-31',
        completed: done('2017-01-25', 'Six sessions held; designated leads from 180 schools attended.'),
      },
    ],
  },
  {
    title: 'Tackling neglect',
    outcomes:
      '- Practitioners recognise neglect early and act before it becomes entrenched.\n- The neglect toolkit is used across universal services.',
    indicators: ['CPP-RATE', 'CPP-2YRS-PC', 'CPP-SECOND-PC'],
    evaluation: {
      evaluation: 'partly-achieved',
      evidence:
        'The neglect toolkit was relaunched with multi-agency training, but case audits found long-term neglect still drifting in some families, and the toolkit is not yet part of health visiting. Neglect stays a priority for 2017/18.',
    },
    actions: [
      {
        description: 'Relaunch the neglect toolkit with multi-agency training',
        agency: council,
        person: 'Ruth Evans',
        dueOn: '2016-12-31',
        completed: done('2016-11-30', 'Relaunched in October 2016; eight multi-agency courses held.'),
      },
      {
        description: 'Embed the neglect toolkit in health visiting and school nursing',
        agency: 'Oxford Health NHS Foundation Trust',
        person: 'Sam Patel',
        dueOn: '2017-01-31',
        status: 'at-risk',
      },
    ],
  },
  {
    title: 'Learning from case reviews to improve practice',
    outcomes: '- What serious case reviews teach changes practice, not only procedures.',
    indicators: ['CPP-2YRS-PC'],
    evaluation: {
      evaluation: 'achieved',
      evidence:
        'Serious case reviews drove practice improvements: full chronologies are now kept for children subject to child protection plans, and a procedure lets professionals meet without parents to consider a case when there is concern that it may be drifting.',
    },
    actions: [
      {
        description: 'Require full chronologies for children subject to child protection plans',
        agency: council,
        person: 'Claire Morgan',
        dueOn: '2016-10-31',
        completed: done('2016-10-14', 'The child protection procedure requires a full chronology from October 2016.'),
      },
      {
        description: 'Write the procedure for professionals’ meetings without parents where a case may be drifting',
        agency: council,
        person: 'Tom Whitfield',
        dueOn: '2017-02-28',
        completed: done('2017-02-20', 'The procedure was published in the online procedures in February 2017.'),
      },
    ],
  },
]

/** ¶11, in our words. */
const areas2016 =
  'Quality assurance work shows that partners must keep working on long-term neglect and do more to protect vulnerable adolescents at risk of exploitation. The workforce needs to know how to work well with families affected by domestic abuse, parental mental ill health and drug and alcohol misuse. Going forward, partners need to keep a tight grip across the partnership on what is working well and where challenges are emerging, and make sure targets are monitored for improvement.'

/** ¶13, in our words. */
const messages2016 = [
  '- Make sure thresholds are well understood',
  '- Stay alert to emerging pressures and concerns: safety online, self-harm, modern slavery, transgender young people and the possible radicalisation of children',
  '- Manage and improve transitions for young people',
  '- Plan for children’s long-term needs across agencies',
].join('\n')

/** ¶12: the paper's three aims for 2017/18. */
const plan2017: DemoPriority[] = [
  {
    title:
      'Improving the effectiveness of the board; collaboration with Oxfordshire Safeguarding Adults Board (OSAB) and engagement with local communities including the voluntary and community sector',
    outcomes:
      '- The board knows how well its partners safeguard children and holds them to account.\n- Joint work with the adults board where families’ needs cross both.\n- Local communities and the voluntary sector help shape the board’s work.',
    indicators: [],
    actions: [
      {
        description: 'Hold a joint development day with the Oxfordshire Safeguarding Adults Board',
        agency: council,
        person: 'Priya Shah',
        dueOn: '2017-10-31',
        completed: done('2017-10-12', 'Held on 12 October 2017; a joint work plan was agreed.'),
      },
    ],
  },
  {
    title: 'Improving practice in tackling neglect and safeguarding adolescents at risk of exploitation',
    outcomes:
      '- Long-term neglect is recognised and acted on.\n- Adolescents at risk of exploitation are identified and protected.',
    indicators: ['CPP-RATE', 'CPP-SECOND-PC'],
    actions: [],
  },
  {
    title:
      'Taking robust action following learning; to ensure continuous improvement and to assess risk and capacity across the partnership',
    outcomes:
      '- Learning from reviews and audits leads to changes that are checked.\n- The partnership knows where pressure on resources is growing.',
    indicators: ['CPP-RATE'],
    actions: [],
  },
]

async function idsByName(db: Database, partnershipId: string, table: typeof agencies | typeof people) {
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(eq(table.partnershipId, partnershipId))
  return new Map(rows.map((r) => [r.name, r.id]))
}

export async function seedPlans(db: Database, { partnershipId, actor }: SeedContext) {
  const [agencyIds, personIds] = await Promise.all([
    idsByName(db, partnershipId, agencies),
    idsByName(db, partnershipId, people),
  ])
  const codes = [...new Set([...plan2016, ...plan2017].flatMap((p) => p.indicators))]
  const catalogue = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), inArray(indicators.code, codes)))
  const indicatorIds = new Map(catalogue.map((i) => [i.code, i.id]))

  for (const [startYear, priorities] of [
    [2016, plan2016],
    [2017, plan2017],
  ] as const) {
    const year = reportingYear(startYear)
    await createPlan(db, actor, year)
    const plan = await getPlan(db, partnershipId, startYear)
    for (const demo of priorities) {
      const id = await addPriority(db, actor, plan, year.label, {
        title: demo.title,
        outcomes: demo.outcomes,
        indicatorIds: demo.indicators.flatMap((code) => indicatorIds.get(code) ?? []),
      })
      const priority = await getPriority(db, partnershipId, id)
      for (const action of demo.actions)
        await raisePriorityAction(db, actor, priority, {
          description: action.description,
          ownerAgencyId: agencyIds.get(action.agency) ?? null,
          ownerPersonId: personIds.get(action.person) ?? null,
          dueOn: action.dueOn,
          completed: action.completed,
          status: action.status,
        })
      if (demo.evaluation) await evaluatePriority(db, actor, priority, priority.version, demo.evaluation)
    }
    if (startYear === 2016)
      await changeReview(
        db,
        actor,
        plan,
        plan.version,
        { areasForImprovement: areas2016, messages: messages2016 },
        year.label,
      )
  }
}
