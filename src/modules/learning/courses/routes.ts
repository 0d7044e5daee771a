import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, searchText, type Query } from '../../../platform/lists.ts'
import { courseSchema, type CourseForm } from '../forms.ts'
import { learningNavigation } from '../navigation.ts'
import { courseFormats } from '../schema.ts'
import { eventRowsForCourse } from '../events/presenters.ts'
import { listEvents } from '../events/service.ts'
import { courseCsv, courseRows, courseSummary, formatItems, levelItems } from './presenters.ts'
import {
  courseThemeIds,
  createCourse,
  getCourse,
  listCourses,
  updateCourse,
  type CourseFilter,
  type CourseInput,
} from './service.ts'
import { themeCheckboxItems, themeNames, themeOptions } from '../../themes/index.ts'

const views = 'modules/learning/views'

const toInput = ({ durationHours, ...rest }: CourseForm): CourseInput => ({
  ...rest,
  durationMinutes: Math.round(durationHours * 60),
})

export async function courseRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/learning/courses',
    permission: 'learning:read',
    template: `${views}/courses.njk`,
    list: {
      columns: [
        { key: 'title', text: 'Title' },
        { key: 'format', text: 'Format' },
        { key: null, text: 'Level' },
        { key: null, text: 'Duration' },
        { key: 'events', text: 'Upcoming events', format: 'numeric' },
        { key: null, text: 'Status' },
      ],
      defaultSort: 'title',
      download: '/learning/courses.csv',
      noun: ['course', 'courses'],
    },
    filter: (query) => ({
      search: searchText(query.search),
      format: oneOf(query.format, courseFormats),
      status: oneOf(query.status, ['active', 'retired'] as const),
    }),
    load: async (actor, filter: CourseFilter) => wholeList(await listCourses(db, actor, filter)),
    rows: courseRows,
    csv: courseCsv,
    context: () => ({ formatItems: formatItems(true), subNavigation: learningNavigation('/learning/courses') }),
  })

  const formContext = async (partnershipId: string, saved: string[] = []) => ({
    formatItems: formatItems(),
    levelItems: levelItems(),
    themeItems: themeCheckboxItems(await themeOptions(db, partnershipId, { includeIds: saved })),
  })

  formRoute(app, {
    path: '/learning/courses/new',
    access: { permission: 'learning:manage' },
    template: `${views}/course-form.njk`,
    schema: courseSchema,
    context: async ({ actor }) => ({ ...(await formContext(actor.partnershipId)), isNew: true }),
    initialValues: () => ({ active: 'true', level: 'introductory', themeIds: [] }),
    save: async ({ actor }, input) => afterSave(`/learning/courses/${await createCourse(db, actor, toInput(input))}`),
  })

  app.get('/learning/courses/:id', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const course = await getCourse(db, actor.partnershipId, (request.params as { id: string }).id)
    const [events, history, themeList] = await Promise.all([
      listEvents(db, actor, { courseId: course.id, sort: 'starts', direction: 'desc' }),
      historyOf(app, actor, 'course', course.id),
      courseThemeIds(db, course.id).then((ids) => themeNames(db, ids)),
    ])
    return reply.view(`${views}/course.njk`, {
      course,
      summary: courseSummary(course, themeList),
      eventRows: eventRowsForCourse(events),
      history,
      flash: savedBanner(request.query as Query, 'Course saved'),
    })
  })

  formRoute(app, {
    path: '/learning/courses/:id/edit',
    access: { permission: 'learning:manage' },
    template: `${views}/course-form.njk`,
    schema: courseSchema.extend({ version }),
    context: async ({ actor, params }) => {
      const course = await getCourse(db, actor.partnershipId, params.id!)
      const themeIds = await courseThemeIds(db, course.id)
      return { ...(await formContext(actor.partnershipId, themeIds)), course, themeIds }
    },
    initialValues: (_request, { course, themeIds }) => ({
      ...course,
      themeIds,
      durationHours: String(course.durationMinutes / 60),
      active: course.active ? 'true' : '',
    }),
    save: async ({ actor }, { version: at, ...input }, { course }) =>
      afterSave(`/learning/courses/${course.id}`, await updateCourse(db, actor, course.id, at, toInput(input))),
  })
}
