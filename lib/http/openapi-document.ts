import { webhooks } from './routes/webhooks'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { baseUrlOf } from './base-url'
import { CONSOLE_COOKIE, CLIENT_HEADER, SESSION_COOKIE } from './auth'
import type { AppEnv } from './env'
import { redirectDocs } from './redirect-docs'

type Document = ReturnType<OpenAPIHono['getOpenAPI31Document']>
type SecurityScheme = Parameters<OpenAPIHono['openAPIRegistry']['registerComponent']>[2]

/** How each credential is sent (lib/http/auth.ts reads them); operations name theirs with `securityFor`. */
const SECURITY_SCHEMES: Record<string, SecurityScheme> = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'Any bearer credential: a brand API key, a distributor session token or the platform token. Each operation names the one it takes.',
  },
  brandKey: {
    type: 'http',
    scheme: 'bearer',
    description: "A brand's API key (admin `rpl_admin_…` or finance `rpl_fin_…`), as `Authorization: Bearer <key>`.",
  },
  consoleCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: CONSOLE_COOKIE,
    description: `The brand console's session (admin or finance), set when signing in to the console. A browser that also holds a distributor session sends \`${CLIENT_HEADER}: console\`.`,
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: "A distributor's session, set by a sign-in link or by POST /api/join.",
  },
  sessionToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      "A distributor's session token (`s1.…`, as POST /api/join returns it), as `Authorization: Bearer <token>`.",
  },
  platformToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The platform operator's `ADMIN_TOKEN`, as `Authorization: Bearer <token>`.",
  },
}

const TAGS = [
  { name: 'health', description: 'Is the service up' },
  { name: 'platform', description: 'The platform operator onboards brands' },
  { name: 'programme', description: "A brand's programme settings" },
  { name: 'products', description: "The brand's catalogue" },
  { name: 'distributors', description: 'Distributors: adding, importing, joining, hand-overs' },
  { name: 'links', description: 'Share links' },
  { name: 'redirect', description: 'The consumer click path (its own Lambda)' },
  { name: 'me', description: 'The signed-in distributor' },
  { name: 'sign-in', description: 'Distributors signing in by phone number and SMS code' },
  { name: 'keys', description: "A brand's API keys and webhook secret: create, rotate, revoke" },
  { name: 'webhooks', description: "Signed deliveries from a brand's shop: orders, refunds, Shopify" },
  { name: 'orders', description: 'Paid orders and refunds from the brand' },
  { name: 'rules', description: 'Commission rules' },
  { name: 'campaigns', description: 'Campaign windows rules can target' },
  { name: 'commissions', description: 'The ledger' },
  { name: 'settlements', description: 'Settlement batches and payouts' },
  { name: 'reports', description: "The brand's reports" },
]

/**
 * Apps outside /api whose paths the document also lists, each with its own base path.
 * The webhooks go here too: an OpenAPIHono carrying their routes (or only their descriptions).
 */
const outsideApi = (): OpenAPIHono<AppEnv>[] => [redirectDocs() as OpenAPIHono<AppEnv>, webhooks]

/** The API's OpenAPI 3.1 document: every /api route from its zod schemas, and the paths of `outsideApi`. */
export function openApiDocument(api: OpenAPIHono<AppEnv>, serverUrl: string): Document {
  const config = {
    openapi: '3.1.0',
    info: {
      title: 'Ripple API',
      version: '1.0.0',
      description: 'S2B2C distribution and referral platform.',
      contact: { name: 'Ripple' },
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: TAGS,
  }
  const doc = api.getOpenAPI31Document(config)
  for (const app of outsideApi()) {
    const other = app.getOpenAPI31Document(config)
    doc.paths = { ...doc.paths, ...other.paths }
    const components: Record<string, object> = { ...doc.components }
    for (const [kind, named] of Object.entries(other.components ?? {}))
      components[kind] = { ...components[kind], ...named }
    doc.components = components
  }
  return doc
}

/** Registers the security schemes and serves the document at `<base>/openapi.json`, without a credential. */
export function serveOpenApiDocument(api: OpenAPIHono<AppEnv>): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES))
    api.openAPIRegistry.registerComponent('securitySchemes', name, scheme)
  api.get('/openapi.json', (c) => c.json(openApiDocument(api, baseUrlOf(c))))
}
