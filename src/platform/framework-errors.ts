import type {} from '@fastify/view'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Fastify answers a few requests before any route or hook runs, with JSON of its own: an address
 * it cannot decode (`/%E0%A4%A`, 400) and a path parameter longer than `maxParamLength` (414).
 * This is its `frameworkErrors` option: the service's error page instead. The reply it is given
 * has none of the app's decorations (no `reply.view`, no hooks), so the page is rendered through
 * the app instance and sent as it is.
 */
export function frameworkErrorPage(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400
  const page =
    status >= 500
      ? { template: 'views/errors/server-error.njk', data: { detail: null } }
      : {
          template: 'views/errors/problem.njk',
          data:
            status === 414
              ? { title: 'This address is too long', message: 'Check the address and try again.' }
              : { title: 'There is a problem with your request', message: 'Check the address and try again.' },
        }
  request.log.info({ code: error.code, statusCode: status }, 'request refused by the router')
  request.server.view(page.template, { ...page.data, serviceName: 'Safeguarding Partnership Hub' }).then(
    (html: string) => reply.code(status).type('text/html; charset=utf-8').send(html),
    (renderError: unknown) => {
      request.log.error({ err: renderError }, 'error page failed')
      reply.code(status).type('text/plain; charset=utf-8').send('There is a problem with your request.')
    },
  )
}
