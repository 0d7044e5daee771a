import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifyView from '@fastify/view'
import Fastify, { type FastifyServerOptions } from 'fastify'
import nunjucks from 'nunjucks'
import qs from 'node:querystring'
import type { Config } from './config.ts'
import type { DatabaseConnection } from './db/index.ts'
import { emailAdapterFor, type EmailAdapter } from './platform/email/adapters.ts'
import { startEmailWorker } from './platform/email/outbox.ts'
import { publicDir } from './platform/assets/build.ts'
import { noStoreByDefault } from './platform/cache-control.ts'
import { closeChromium, configureChromium } from './platform/documents/chromium.ts'
import { frameworkErrorPage } from './platform/framework-errors.ts'
import { healthRoutes } from './platform/health.ts'
import { assetsPrefix, httpPlatform, parseQueryString } from './platform/http.ts'
import { checkImportJob } from './platform/imports/job.ts'
import { startJobWorker } from './platform/jobs/index.ts'
import { maintenanceJobs } from './platform/jobs/maintenance.ts'
import { loggerOptions, requestLogController } from './platform/logging.ts'
import { registryOf } from './platform/platform-modules.ts'
import { trustProxyHops } from './platform/proxies.ts'
import { configureNunjucks, templateRoots } from './platform/views.ts'
import { actionsModule } from './modules/actions/index.ts'
import { learningModule } from './modules/learning/index.ts'
import { partnershipModule } from './modules/partnership/index.ts'
import { reportsModule } from './modules/reports/index.ts'
import { reviewsModule } from './modules/reviews/index.ts'
import { performanceModule } from './modules/performance/index.ts'
import { assuranceModule } from './modules/assurance/index.ts'
import { themesModule } from './modules/themes/index.ts'

/** The board's functions, one line each, in the order their navigation and home panels appear. */
export const modules = [
  partnershipModule,
  themesModule,
  actionsModule,
  learningModule,
  reviewsModule,
  performanceModule,
  assuranceModule,
  reportsModule,
]

/** Everything the platform reads from the modules, for the app, the seed and the tests. */
export const registry = registryOf(modules)

export interface AppOptions {
  config: Config
  database: DatabaseConnection
  /** Tests pass an SMTP adapter pointed at their own server. */
  emailAdapter?: EmailAdapter
  logger?: FastifyServerOptions['logger']
}

/** The contents page: platform plugins, then the modules' routes. */
export async function buildApp({ config, database, emailAdapter, logger }: AppOptions) {
  const app = Fastify({
    logger: logger ?? loggerOptions(config),
    logController: requestLogController(),
    // Bodies are forms; nothing here needs more than a megabyte.
    bodyLimit: 1_048_576,
    trustProxy: trustProxyHops(config.trustProxyHops),
    frameworkErrors: frameworkErrorPage,
    routerOptions: { querystringParser: parseQueryString },
  })
  app.decorate('db', database.db)
  app.decorate('config', config)

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    strictTransportSecurity: config.env === 'production',
  })
  await app.register(fastifyCookie, { secret: config.sessionSecret })
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' },
  })
  // Repeated fields (checkboxes) arrive as arrays.
  await app.register(fastifyFormbody, { parser: (body) => qs.parse(body) })
  // Every form posts as a browser does; no route takes JSON or plain text, so neither is parsed (a 415 page).
  app.removeContentTypeParser(['application/json', 'text/plain'])
  // Off by default; sign-in and other public forms set their own limits.
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templateRoots,
    options: {
      autoescape: true,
      noCache: config.env === 'development',
      onConfigure: configureNunjucks,
    },
  })
  await app.register(httpPlatform, { registry })
  await app.register(noStoreByDefault)
  // After the platform, whose route check marks these routes public and session-free.
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: assetsPrefix,
    maxAge: config.env === 'production' ? '1d' : 0,
  })

  const adapter = emailAdapter ?? emailAdapterFor(config.email)
  if (config.runEmailWorker) {
    const worker = startEmailWorker(database.db, adapter, config.email.from, (err) =>
      app.log.error({ err }, 'email worker failed'),
    )
    app.decorate('emailWorker', worker)
    app.addHook('onClose', () => worker.stop())
  }
  if (config.runJobWorker) {
    const { definitions, recurring } = maintenanceJobs(database.kind)
    // Only the job's name and id reach the log, never its payload.
    const worker = startJobWorker(database.db, [...definitions, checkImportJob, ...registry.jobs], {
      recurring: [...recurring, ...registry.recurring],
      baseUrl: config.baseUrl,
      onError: (err, job) => app.log.error({ err, job }, job ? 'job failed' : 'job worker failed'),
    })
    app.decorate('jobWorker', worker)
    app.addHook('onClose', () => worker.stop())
  }

  // Launched on the first PDF or chart for Word, not before; closed with the app.
  configureChromium({ executablePath: config.chromiumPath })
  app.addHook('onClose', closeChromium)

  await app.register(healthRoutes, { database })
  for (const module of registry.modules) if (module.routes) await app.register(module.routes)

  return app
}
