import { asc, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../../../db/index.ts'
import type { AssurancePart } from '../part.ts'
import { publicSurveyRoutes } from '../surveys/public-routes.ts'
import { surveyRoutes } from '../surveys/routes.ts'
import { surveyRecordType } from '../surveys/service.ts'
import { surveyQuestions, surveys, voiceRecords } from '../voice-schema.ts'
import { voiceRoutes } from './routes.ts'
import { seedVoice } from './seed.ts'
import { voiceHref, voiceRecordType } from './service.ts'

const none = '00000000-0000-4000-8000-000000000000'

/** The permission matrix's ids: the partnership's first voice record, survey and question (and an open survey's slug), creating none. */
async function voiceMatrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [[record], [survey], [open]] = await Promise.all([
    db
      .select({ id: voiceRecords.id })
      .from(voiceRecords)
      .where(eq(voiceRecords.partnershipId, partnershipId))
      .orderBy(asc(voiceRecords.heldOn))
      .limit(1),
    db
      .select({ id: surveys.id, questionId: surveyQuestions.id })
      .from(surveys)
      .innerJoin(surveyQuestions, eq(surveyQuestions.surveyId, surveys.id))
      .where(eq(surveys.partnershipId, partnershipId))
      .orderBy(asc(surveys.createdAt), asc(surveyQuestions.number))
      .limit(1),
    db
      .select({ slug: surveys.slug })
      .from(surveys)
      .where(eq(surveys.partnershipId, partnershipId))
      .orderBy(asc(surveys.status), asc(surveys.createdAt))
      .limit(1),
  ])
  return {
    '/assurance/voice/:id': record?.id ?? none,
    '/assurance/surveys/:id': survey?.id ?? none,
    '/assurance/surveys/:id/questions/:questionId': survey?.questionId ?? none,
    '/assurance/surveys/:id/answers/:questionId': survey?.questionId ?? none,
    '/survey/:slug': open?.slug ?? 'no-such-survey-link',
  }
}

/**
 * The voice of practitioners, children and families (voice/) and the practitioner surveys run
 * from the hub (surveys/), in one part: a survey recorded as evidence becomes a voice record.
 */
export const voicePart: AssurancePart = {
  routes: async (app: FastifyInstance) => {
    await voiceRoutes(app)
    await surveyRoutes(app)
    await publicSurveyRoutes(app)
  },
  recordTypes: {
    [voiceRecordType]: {
      label: 'Voice record',
      href: (id: string | null) => (id ? voiceHref(id) : null),
      fields: {
        title: 'Title',
        audience: 'Who was asked',
        ageBands: 'Age bands',
        agencies: 'Agencies',
        method: 'Method',
        heldOn: 'Held on',
        invited: 'How many were asked',
        responses: 'How many responded',
        findings: 'Key findings',
        themes: 'Themes',
        planPriorityId: 'Business plan priority (id)',
        priority: 'Business plan priority',
        surveyId: 'Survey',
      },
    },
    [surveyRecordType]: {
      label: 'Practitioner survey',
      href: (id: string | null) => (id ? `/assurance/surveys/${id}` : null),
      fields: {
        title: 'Title',
        introduction: 'Introduction',
        closesOn: 'Closes on',
        status: 'Status',
        openedAt: 'Opened at',
        responses: 'Responses',
      },
    },
    'survey-question': {
      label: 'Survey question',
      fields: { number: 'Number', kind: 'Kind', text: 'Question', options: 'Answers', required: 'Must be answered' },
    },
  },
  seed: seedVoice,
  matrixIds: voiceMatrixIds,
}
