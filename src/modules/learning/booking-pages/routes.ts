import type { FastifyInstance } from 'fastify'
import { bookRoutes } from './book-routes.ts'
import { linkRoutes } from './link-routes.ts'

/** The public side of booking (/training/...): the booking form and the pages behind emailed links. */
export async function bookingPageRoutes(app: FastifyInstance) {
  await app.register(bookRoutes)
  await app.register(linkRoutes)
}
