import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { SeedContext } from '../../../platform/modules.ts'
import { seededRandom, type Random } from '../../learning/seed-random.ts'
import { themes } from '../../themes/schema.ts'
import { londonToday } from '../surveys/responses.ts'
import {
  addQuestion,
  agreeScale,
  closeSurvey,
  createSurvey,
  getSurvey,
  openSurvey,
  type QuestionInput,
} from '../surveys/service.ts'
import { surveyAnswers, surveyQuestions, surveyResponses } from '../voice-schema.ts'
import { createVoiceRecord, partnerAgencies } from './service.ts'

/**
 * The demo's voice of practitioners, children and families: the 2016/17 neglect survey run from
 * the hub (closed, recorded as evidence), a consultation with children and young people, a record
 * of parents' and carers' views of early help (all tagged Neglect, so the quadrant's two voice
 * quarters for neglect have items), and one survey open now so the public link works.
 */

const neglectQuestions: QuestionInput[] = [
  { kind: 'scale', text: 'I am confident in recognising the signs of neglect.', options: agreeScale, required: true },
  { kind: 'scale', text: 'I know how to use the neglect screening tool.', options: agreeScale, required: true },
  {
    kind: 'scale',
    text: 'I know how to escalate a concern when I disagree with another agency’s decision.',
    options: agreeScale,
    required: true,
  },
  {
    kind: 'choice',
    text: 'Which agency do you work for?',
    options: ['Children’s social care', 'Health', 'Police', 'Education', 'Early help', 'Voluntary sector', 'Other'],
    required: true,
  },
  {
    kind: 'choice',
    text: 'Have you had neglect training in the last two years?',
    options: ['Yes, multi-agency', 'Yes, single-agency', 'No'],
    required: true,
  },
  { kind: 'text', text: 'What gets in the way of acting early on neglect?', options: [], required: false },
  { kind: 'text', text: 'What one thing would help you most?', options: [], required: false },
]

const barriers = [
  'Caseloads are high and neglect cases drift because nothing happens on a single day.',
  'Not knowing what other agencies already know about the family.',
  'Families agree to everything and nothing changes.',
  'Thresholds for early help are not clear to schools.',
  'We do not always hear from fathers or male carers.',
  'Staff turnover means no one knows the history.',
  'Getting a response from children’s social care takes too long.',
]
const helps = [
  'A simple neglect screening tool everyone uses.',
  'More multi-agency training where we meet each other.',
  'Feedback when we make a referral.',
  'Time to do home visits properly.',
  'A named contact in the front door.',
  'Shared chronologies.',
]

const percentile = (random: Random, weights: readonly number[]) =>
  String(random.weighted(weights.map((w, i) => [i + 1, w] as const)))

/** One made-up practitioner's answers, weighted towards agreement, with gaps where questions are optional. */
function answersFor(random: Random, questions: { id: string; kind: string; options: string[] }[]) {
  return questions.flatMap((q, index) => {
    if (q.kind === 'scale')
      return [{ questionId: q.id, value: percentile(random, index === 1 ? [3, 6, 5, 10, 4] : [1, 3, 4, 12, 6]) }]
    if (q.kind === 'choice') return [{ questionId: q.id, value: random.pick(q.options) }]
    if (!random.chance(0.45)) return []
    return [{ questionId: q.id, value: random.pick(index === 5 ? barriers : helps) }]
  })
}

export async function seedVoice(db: Database, { actor, bulk }: SeedContext) {
  const pid = actor.partnershipId
  const random = seededRandom(1517)
  const themeRows = await db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(
      and(
        eq(themes.partnershipId, pid),
        inArray(themes.name, ['Neglect', 'Voice of the child', 'Multi-agency working and planning', 'Escalation']),
      ),
    )
  const theme = (name: string) => themeRows.filter((t) => t.name === name).map((t) => t.id)
  const partners = await partnerAgencies(db, pid)
  const partnerIds = partners
    .filter((a) => !/school|college/i.test(a.name))
    .slice(0, 6)
    .map((a) => a.id)

  // The 2016/17 neglect survey, run from the hub: opened, answered, closed, recorded as evidence.
  const surveyId = await createSurvey(db, actor, {
    title: 'Neglect: what practitioners told us',
    introduction:
      'The partnership wants to know how confident practitioners are in recognising and acting on neglect. It takes five minutes.',
    closesOn: '2017-01-31',
  })
  for (const question of neglectQuestions) await addQuestion(db, actor, await getSurvey(db, pid, surveyId), question)
  // Opened as it was then, on 9 January 2017.
  await openSurvey(db, actor, await getSurvey(db, pid, surveyId), 1, '2017-01-09')
  const questions = await db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId))
  questions.sort((a, b) => a.number - b.number)
  const total = bulk ? 312 : 10
  // In chunks, each one insert of responses and one of their answers.
  for (let start = 0; start < total; start += 100) {
    const size = Math.min(100, total - start)
    const responses = await db
      .insert(surveyResponses)
      .values(
        Array.from({ length: size }, () => ({
          partnershipId: pid,
          surveyId,
          receivedOn: `2017-01-${String(random.int(9, 31)).padStart(2, '0')}`,
        })),
      )
      .returning({ id: surveyResponses.id })
    const answers = responses.flatMap((r) =>
      answersFor(random, questions).map((a) => ({ ...a, responseId: r.id, partnershipId: pid })),
    )
    await db.insert(surveyAnswers).values(answers)
  }
  await closeSurvey(db, actor, await getSurvey(db, pid, surveyId), 2)
  await createVoiceRecord(
    db,
    actor,
    {
      title: 'Neglect: what practitioners told us',
      audience: 'practitioners',
      agencyIds: partnerIds,
      ageBands: [],
      method: 'survey',
      heldOn: '2017-01-31',
      invited: null,
      responses: total,
      findings: [
        'Most practitioners are confident in recognising neglect, but fewer than half know how to use the neglect screening tool.',
        '',
        '> “Families agree to everything and nothing changes.” (health visitor)',
        '',
        'Practitioners asked for more multi-agency training and feedback after a referral.',
      ].join('\n'),
      themeIds: theme('Neglect'),
      planPriorityId: null,
    },
    { surveyId },
  )

  await createVoiceRecord(db, actor, {
    title: 'Growing up in Oxfordshire: young people on neglect',
    audience: 'children-and-young-people',
    agencyIds: [],
    ageBands: ['11-15', '16-17'],
    method: 'consultation-event',
    heldOn: '2016-10-20',
    invited: 55,
    responses: 41,
    findings: [
      'Young people said adults notice when they look unkempt but rarely ask why.',
      '',
      '> “Teachers told me off for not having my PE kit. No one asked if there was food at home.” (Jade, 14)',
      '',
      '> “I want someone to talk to me, not about me.” (Kieran, 16)',
      '',
      'Names are changed. Young people asked for one trusted adult and to be told what happens after they speak up.',
    ].join('\n'),
    themeIds: [...theme('Neglect'), ...theme('Voice of the child')],
    planPriorityId: null,
  })

  await createVoiceRecord(db, actor, {
    title: 'Parents and carers on early help',
    audience: 'parents-and-carers',
    agencyIds: [],
    ageBands: [],
    method: 'feedback-forms',
    heldOn: '2017-02-15',
    invited: 80,
    responses: 26,
    findings: [
      'Parents valued a single key worker and practical help with home conditions and routines.',
      '',
      '> “For the first time someone helped instead of judging.” (mother of three)',
      '',
      'Some said they did not know early help existed until things were already difficult.',
    ].join('\n'),
    themeIds: [...theme('Neglect'), ...theme('Multi-agency working and planning')],
    planPriorityId: null,
  })

  // Open now, so the demo's public link takes answers: closes 60 days from today.
  const closes = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)
  const openId = await createSurvey(db, actor, {
    title: 'Escalation: practitioners’ experience',
    introduction: 'Tell us whether the escalation policy works for you. Your answers are anonymous.',
    closesOn: closes,
  })
  const openQuestions: QuestionInput[] = [
    { kind: 'scale', text: 'I know the partnership’s escalation policy.', options: agreeScale, required: true },
    {
      kind: 'choice',
      text: 'Have you escalated a concern in the last year?',
      options: ['Yes', 'No', 'Not sure'],
      required: true,
    },
    { kind: 'text', text: 'What happened when you escalated, or what stopped you?', options: [], required: false },
  ]
  for (const question of openQuestions) await addQuestion(db, actor, await getSurvey(db, pid, openId), question)
  await openSurvey(db, actor, await getSurvey(db, pid, openId), 1, londonToday())
}
