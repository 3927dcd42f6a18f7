import { Hono } from 'hono'
import { listCampaigns, listProducts, listRules } from '../../lib/services/console-reads'
import { assetUrl } from '../assets'
import { rulesText } from '../i18n/rules'
import { RulesPage } from '../pages/console/RulesPage'
import { RuleList } from '../pages/console/RuleList'
import { adminGate } from './console-admin-gate'

export const consoleRules = new Hono()

/** The preview's product picker: one page of the catalogue is plenty for choosing an example. */
const PREVIEW_PRODUCTS = 100

// GET /console/rules: the brand's commission rules, the edit form and the live preview (admins).
consoleRules.get('/console/rules', async (c) => {
  const gate = await adminGate(c, 'rules')
  if (!gate.ok) return gate.response
  const [rules, products, campaigns, script] = await Promise.all([
    listRules(gate.brand.id),
    listProducts(gate.brand.id, { limit: PREVIEW_PRODUCTS }),
    listCampaigns(gate.brand.id),
    assetUrl('rules'),
  ])
  return c.html(<RulesPage view={gate} rules={rules} products={products.items} campaigns={campaigns} script={script} />)
})

// GET /console/rules/list: the list alone, server-rendered in the page language, for the script to swap in after a save or delete.
consoleRules.get('/console/rules/list', async (c) => {
  const gate = await adminGate(c, 'rules')
  if (!gate.ok) return gate.response
  const p = gate.brand.programme
  return c.html(
    <RuleList
      rules={await listRules(gate.brand.id)}
      currency={p.currency}
      defaultBps={p.defaultBps}
      lang={gate.lang}
      t={rulesText(gate.lang)}
    />,
  )
})
