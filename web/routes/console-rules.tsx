import { Hono, type Context } from 'hono'
import { listRules } from '../../lib/db/rules'
import { listProducts } from '../../lib/db/products'
import { listCampaigns } from '../../lib/db/campaigns'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import type { Brand } from '../../lib/schemas/brand'
import { assetUrl } from '../assets'
import { AdminsOnlyPage, RulesPage } from '../pages/console/RulesPage'
import { RuleList } from '../pages/console/RuleList'

export const consoleRules = new Hono()

/** The preview's product picker: one page of the catalogue is plenty for choosing an example. */
const PREVIEW_PRODUCTS = 100

type Gate = { ok: true; brand: Brand } | { ok: false; response: Response }

/** Signed-out visitors go to the sign-in form; finance gets the "admins only" page. */
async function adminOnly(c: Context): Promise<Gate> {
  c.header('Cache-Control', 'private, no-store')
  const claims = consoleClaimsOf(c)
  if (!claims) return { ok: false, response: c.redirect('/console', 303) }
  const brand = await getBrandOrThrow(claims.b)
  if (claims.r !== 'admin') return { ok: false, response: await c.html(<AdminsOnlyPage brand={brand} />, 403) }
  return { ok: true, brand }
}

// GET /console/rules: the brand's commission rules, the edit form and the live preview (admins).
consoleRules.get('/console/rules', async (c) => {
  const gate = await adminOnly(c)
  if (!gate.ok) return gate.response
  const [rules, products, campaigns, script] = await Promise.all([listRules(gate.brand.id), listProducts(gate.brand.id, { limit: PREVIEW_PRODUCTS }), listCampaigns(gate.brand.id), assetUrl('rules')])
  return c.html(<RulesPage brand={gate.brand} rules={rules} products={products.items} campaigns={campaigns} script={script} />)
})

// GET /console/rules/list: the list alone, server-rendered, for the script to swap in after a save or delete.
consoleRules.get('/console/rules/list', async (c) => {
  const gate = await adminOnly(c)
  if (!gate.ok) return gate.response
  const p = gate.brand.programme
  return c.html(<RuleList rules={await listRules(gate.brand.id)} currency={p.currency} defaultBps={p.defaultBps} />)
})
