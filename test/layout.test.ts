import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { appForSuite, demoEmail } from './helpers/app.ts'

/** The page frame every module's pages share: the footer, the service navigation and the home page's panels. */
describe('the page frame', () => {
  const hub = appForSuite()

  it('names the product once in the footer before sign-in, and the partnership’s hub after', async () => {
    const { visitor, signIn } = hub()
    const footer = (body: string) => body.match(/<footer[\s\S]*<\/footer>/)?.[0] ?? ''
    const signedOut = footer((await (await visitor()).get('/sign-in')).body)
    assert.equal(signedOut.match(/Safeguarding Partnership Hub/g)?.length, 1, signedOut)
    const signedIn = footer((await (await signIn(demoEmail['board-member'])).get('/')).body)
    assert.match(signedIn, /Oxfordshire Safeguarding Children Board, using Safeguarding Partnership Hub\./)
  })

  it('builds the navigation from the modules’ entries, each shown to the roles that may open it', async () => {
    const { signIn } = hub()
    const menu = async (email: string) => {
      const body = (await (await signIn(email)).get('/directory/agencies')).body
      const nav = body.match(/<nav[^>]*aria-label="Main menu"[\s\S]*?<\/nav>/)?.[0] ?? ''
      return [...nav.matchAll(/class="govuk-service-navigation__link"[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
        m[1]!.replace(/<[^>]+>/g, '').trim(),
      )
    }
    assert.deepEqual(await menu(demoEmail['board-member']), [
      'Home',
      'Directory',
      'Learning',
      'Business plan',
      'Performance',
      'Quality assurance',
      'Actions',
      'My actions',
      'Reports',
    ])
    assert.deepEqual(await menu(demoEmail.administrator), [
      'Home',
      'Directory',
      'Learning',
      'Newsletters',
      'My actions',
      'Reports',
      'Themes',
      'Accounts',
      'Audit log',
      'Email outbox',
      'Bank holidays',
    ])
  })

  it('shows a subgroup member the groups they sit on, from the directory module’s home panel', async () => {
    const { signIn } = hub()
    const home = (await (await signIn(demoEmail['subgroup-member'])).get('/')).body
    assert.match(home, /<h2[^>]*>Your groups<\/h2>/)
    assert.match(home, />Case Review and Governance<\/a>/)
    assert.match(home, />Performance, Audit and Quality Assurance<\/a>/)
    const reader = (await (await signIn(demoEmail['read-only'])).get('/')).body
    assert.doesNotMatch(reader, /Your groups/, 'someone with no directory entry gets no panel')
  })
})
