import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

const productionBasics = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-long-random-secret-of-at-least-32-characters',
  EMAIL_ADAPTER: 'smtp',
  SMTP_URL: 'smtp://mail.internal:25',
}

describe('configuration from the environment', () => {
  it('runs with no settings at all: development, port 3000, the embedded database and emails kept in the app', () => {
    const config = loadConfig({})
    assert.equal(config.env, 'development')
    assert.equal(config.port, 3000)
    assert.equal(config.host, '0.0.0.0')
    assert.equal(config.trustProxyHops, 0, 'no X-Forwarded-For is believed unless proxies are declared')
    assert.equal(config.baseUrl, 'http://localhost:3000')
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: './data/pglite' })
    assert.equal(config.email.adapter, 'development')
    assert.equal(config.email.from, 'no-reply@safeguarding-partnership.example')
    assert.equal(config.secureCookies, false)
    assert.equal(config.logLevel, 'warn', 'development shows problems, not every request')
    assert.equal(config.seedDemoData, true)
    assert.equal(config.runEmailWorker, true)
    assert.equal(config.runJobWorker, true)
    assert.equal(config.chromiumPath, '/usr/bin/chromium', 'Debian’s Chromium prints PDFs')
    assert.equal(config.uploadMaxBytes, 20 * 1024 * 1024, 'uploads up to 20 MB')
    assert.equal(config.publicPartnership, null, 'the public pages are the only partnership’s')
    assert.ok(config.sessionSecret.length >= 32, 'a random session secret is made when none is given')
  })

  it('points emailed links at the port it listens on when BASE_URL is not set', () => {
    assert.equal(loadConfig({ PORT: '8080' }).baseUrl, 'http://localhost:8080')
    assert.equal(loadConfig({ PORT: '8080', BASE_URL: 'https://hub.example.org' }).baseUrl, 'https://hub.example.org')
  })

  it('makes a different session secret each time one is not given, so nothing guessable signs cookies', () => {
    assert.notEqual(loadConfig({}).sessionSecret, loadConfig({}).sessionSecret)
  })

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://hub@db.internal:5432/hub' })
    assert.deepEqual(config.database, {
      kind: 'pg',
      url: 'postgres://hub@db.internal:5432/hub',
      migrationUrl: undefined,
    })
    const owner = 'postgres://owner@db.internal:5432/hub'
    // The tables' owner runs the migrations; the app connects as its own role.
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://hub@db/hub', MIGRATION_DATABASE_URL: owner }).database, {
      kind: 'pg',
      url: 'postgres://hub@db/hub',
      migrationUrl: owner,
    })
    assert.throws(() => loadConfig({ MIGRATION_DATABASE_URL: owner }), /MIGRATION_DATABASE_URL: needs DATABASE_URL too/)
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://db/hub' }).database.kind, 'pg')
  })

  it('treats an empty variable as not set', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', EMAIL_ADAPTER: '' })
    assert.equal(config.port, 3000)
    assert.equal(config.database.kind, 'pglite')
    assert.equal(config.email.adapter, 'development')
  })

  it('reads every setting it is given, and drops a trailing slash from BASE_URL', () => {
    const config = loadConfig({
      ...productionBasics,
      PORT: '8080',
      HOST: '127.0.0.1',
      TRUST_PROXY_HOPS: '2',
      BASE_URL: 'https://hub.example.org/',
      EMAIL_FROM: 'hub@example.org',
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      RUN_EMAIL_WORKER: '0',
      RUN_JOB_WORKER: 'false',
      CHROMIUM_PATH: '/opt/chromium/chrome',
      PUBLIC_PARTNERSHIP: 'e10000025',
    })
    assert.equal(config.env, 'production')
    assert.equal(config.port, 8080)
    assert.equal(config.host, '127.0.0.1')
    assert.equal(config.trustProxyHops, 2)
    assert.equal(config.baseUrl, 'https://hub.example.org')
    assert.equal(config.sessionSecret, productionBasics.SESSION_SECRET)
    assert.equal(config.secureCookies, true)
    assert.deepEqual(config.email, {
      adapter: 'smtp',
      from: 'hub@example.org',
      smtpUrl: 'smtp://mail.internal:25',
      notifyApiKey: undefined,
      notifyTemplateId: undefined,
    })
    assert.equal(config.logLevel, 'warn')
    assert.equal(config.seedDemoData, false)
    assert.equal(config.runEmailWorker, false)
    assert.equal(config.runJobWorker, false)
    assert.equal(config.chromiumPath, '/opt/chromium/chrome')
    assert.equal(config.publicPartnership, 'E10000025', 'codes are stored in capitals')
  })

  it('logs every request by default outside development, and at any level asked for', () => {
    assert.equal(loadConfig(productionBasics).logLevel, 'info')
    assert.equal(loadConfig({ NODE_ENV: 'test' }).logLevel, 'info')
    assert.equal(loadConfig({ LOG_LEVEL: 'debug' }).logLevel, 'debug')
  })

  it('accepts GOV.UK Notify with its key and template id', () => {
    const config = loadConfig({
      EMAIL_ADAPTER: 'notify',
      NOTIFY_API_KEY: 'team-key-1234',
      NOTIFY_TEMPLATE_ID: '5b6e1c1e-3f0a-4a0e-9d5b-1b2c3d4e5f60',
    })
    assert.equal(config.email.adapter, 'notify')
    assert.equal(config.email.notifyApiKey, 'team-key-1234')
  })

  describe('refuses bad settings with a message naming the variable', () => {
    const cases: { story: string; env: Record<string, string>; message: string }[] = [
      { story: 'a PORT that is not a number', env: { PORT: 'eighty' }, message: 'PORT:' },
      { story: 'a PORT out of range', env: { PORT: '70000' }, message: 'PORT:' },
      { story: 'a PORT that is not whole', env: { PORT: '80.5' }, message: 'PORT:' },
      { story: 'an UPLOAD_MAX_MB of nothing', env: { UPLOAD_MAX_MB: '0' }, message: 'UPLOAD_MAX_MB:' },
      {
        story: 'a TRUST_PROXY_HOPS that is not a count',
        env: { TRUST_PROXY_HOPS: 'yes' },
        message: 'TRUST_PROXY_HOPS:',
      },
      {
        story: 'a DATABASE_URL that is not PostgreSQL',
        env: { DATABASE_URL: 'mysql://db/hub' },
        message: 'DATABASE_URL: must start with postgres:// or postgresql://',
      },
      {
        story: 'EMAIL_ADAPTER=smtp without SMTP_URL',
        env: { EMAIL_ADAPTER: 'smtp' },
        message: 'SMTP_URL: is required when EMAIL_ADAPTER is smtp',
      },
      {
        story: 'an SMTP_URL that is not SMTP',
        env: { EMAIL_ADAPTER: 'smtp', SMTP_URL: 'http://mail' },
        message: 'SMTP_URL: must start with smtp:// or smtps://',
      },
      {
        story: 'notify without an API key',
        env: { EMAIL_ADAPTER: 'notify', NOTIFY_TEMPLATE_ID: '5b6e1c1e-3f0a-4a0e-9d5b-1b2c3d4e5f60' },
        message: 'NOTIFY_API_KEY: is required when EMAIL_ADAPTER is notify',
      },
      {
        story: 'notify without a template id',
        env: { EMAIL_ADAPTER: 'notify', NOTIFY_API_KEY: 'team-key-1234' },
        message: 'NOTIFY_TEMPLATE_ID: is required when EMAIL_ADAPTER is notify',
      },
      {
        story: 'a NOTIFY_TEMPLATE_ID that is not a UUID',
        env: { EMAIL_ADAPTER: 'notify', NOTIFY_API_KEY: 'team-key-1234', NOTIFY_TEMPLATE_ID: 'welcome' },
        message: 'NOTIFY_TEMPLATE_ID:',
      },
      {
        story: 'production without SESSION_SECRET',
        env: { ...productionBasics, SESSION_SECRET: '' },
        message: 'SESSION_SECRET: is required in production',
      },
      {
        story: 'a SESSION_SECRET that is too short',
        env: { ...productionBasics, SESSION_SECRET: 'short' },
        message: 'SESSION_SECRET: must be at least 32 characters',
      },
      {
        story: 'production with the development email adapter',
        env: { ...productionBasics, EMAIL_ADAPTER: 'development' },
        message: 'EMAIL_ADAPTER: must be smtp or notify in production',
      },
      { story: 'an unknown EMAIL_ADAPTER', env: { EMAIL_ADAPTER: 'carrier-pigeon' }, message: 'EMAIL_ADAPTER:' },
      { story: 'a BASE_URL that is not a URL', env: { BASE_URL: 'hub.example.org' }, message: 'BASE_URL:' },
      { story: 'an EMAIL_FROM that is not an email address', env: { EMAIL_FROM: 'the hub' }, message: 'EMAIL_FROM:' },
      { story: 'an unknown NODE_ENV', env: { NODE_ENV: 'staging' }, message: 'NODE_ENV:' },
      {
        story: 'a PUBLIC_PARTNERSHIP that is not a local authority code',
        env: { PUBLIC_PARTNERSHIP: 'Oxfordshire board' },
        message: 'PUBLIC_PARTNERSHIP: must be a local authority code',
      },
      { story: 'an unknown LOG_LEVEL', env: { LOG_LEVEL: 'loud' }, message: 'LOG_LEVEL:' },
      {
        story: 'a RUN_EMAIL_WORKER that is not true or false',
        env: { RUN_EMAIL_WORKER: 'yes' },
        message: 'RUN_EMAIL_WORKER:',
      },
    ]
    for (const { story, env, message } of cases) {
      it(story, () => {
        assert.throws(
          () => loadConfig(env),
          (error: unknown) => {
            assert.ok(error instanceof ConfigError)
            assert.match(error.message, /^Invalid environment variables:/)
            assert.ok(error.message.includes(`  ${message}`), `expected "${message}" in:\n${error.message}`)
            return true
          },
        )
      })
    }
  })

  it('names every bad variable at once, not only the first', () => {
    assert.throws(
      () => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://db', BASE_URL: 'nope' }),
      (error: Error) => {
        for (const name of ['PORT:', 'DATABASE_URL:', 'BASE_URL:']) assert.ok(error.message.includes(name), name)
        return true
      },
    )
  })
})
