import { Hono } from 'hono'
import { listCampaigns, listProducts } from '../../lib/services/console-reads'
import { AppError } from '../../lib/errors'
import { assetUrl } from '../assets'
import { ProductsPage, type ProductPage } from '../pages/console/admin/ProductsPage'
import { adminGate } from './console-admin-gate'

export const consoleProducts = new Hono()

const PAGE_SIZE = 25

// GET /console/products: the catalogue a page at a time, and the campaigns, each with an add/edit form (admins).
consoleProducts.get('/console/products', async (c) => {
  const gate = await adminGate(c, 'products')
  if (!gate.ok) return gate.response
  const brandId = gate.brand.id
  const cursor = c.req.query('cursor') || undefined
  let products: ProductPage
  try {
    products = { ...(await listProducts(brandId, { cursor, limit: PAGE_SIZE })), firstPage: !cursor }
  } catch (err) {
    // A stale or edited cursor: say so and show the first page rather than an error page.
    if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err
    products = { ...(await listProducts(brandId, { limit: PAGE_SIZE })), firstPage: true, error: gate.t.badCursor }
  }
  const [campaigns, script] = await Promise.all([listCampaigns(brandId), assetUrl('products')])
  return c.html(<ProductsPage view={gate} products={products} campaigns={campaigns} script={script} />)
})
