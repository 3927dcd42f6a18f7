import { Hono, type Context } from 'hono'
import { getBatch, listBatches, listLines } from '../../lib/db/settlements'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { AppError } from '../../lib/http/errors'
import { presentBatch } from '../../lib/services/present-batch'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import { MessagePage } from '../components/MessagePage'
import { assetUrl } from '../assets'
import { FinancePage } from '../pages/console/finance/FinancePage'
import { BatchPage } from '../pages/console/finance/BatchPage'

/**
 * The finance pages. Finance sees everything and acts (preview, close, export,
 * mark paid, all through /api/settlements with the console cookie); a brand admin
 * may look (totals, reconciliation, lines) but gets no buttons, and the API
 * refuses them the actions anyway (finance role only).
 */
export const consoleFinance = new Hono()

const BATCHES_PER_PAGE = 20
const LINES_PER_PAGE = 50

/** The previous calendar month (UTC): the period finance usually closes. */
const lastMonth = (now = new Date()) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)

/** A page of something by cursor; a stale or forged cursor falls back to the first page. */
async function pageOrFirst<T>(load: (cursor?: string) => Promise<T>, cursor: string | undefined): Promise<{ page: T; firstPage: boolean }> {
  try {
    return { page: await load(cursor), firstPage: !cursor }
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_input' || !cursor) throw err
    return { page: await load(), firstPage: true }
  }
}

async function signedIn(c: Context) {
  c.header('Cache-Control', 'private, no-store')
  const claims = consoleClaimsOf(c)
  return claims ? { claims, brand: await getBrandOrThrow(claims.b) } : undefined
}

// GET /console/finance: batches, what is owed and paid, and (finance) the close-a-period form.
consoleFinance.get('/console/finance', async (c) => {
  const who = await signedIn(c)
  if (!who) return c.redirect('/console', 303)
  const { page } = await pageOrFirst((cursor) => listBatches(who.brand.id, { cursor, limit: BATCHES_PER_PAGE }), c.req.query('cursor') || undefined)
  const script = who.claims.r === 'finance' ? await assetUrl('finance') : undefined
  return c.html(<FinancePage brand={who.brand} role={who.claims.r} batches={page.items.map((b) => presentBatch(b))} nextCursor={page.nextCursor} defaultPeriod={lastMonth()} script={script} />)
})

// GET /console/finance/:id: one batch with its lines a page at a time (the API's cursor), exports and mark paid.
consoleFinance.get('/console/finance/:id', async (c) => {
  const who = await signedIn(c)
  if (!who) return c.redirect('/console', 303)
  const id = c.req.param('id')
  const batch = /^st_[0-9_-]{7,30}$/.test(id) ? await getBatch(who.brand.id, id) : undefined
  if (!batch) return c.html(<MessagePage title="Not found" zh="找不到这个结算批次。" en="That settlement batch was not found." />, 404)
  const { page, firstPage } = await pageOrFirst((cursor) => listLines(batch.brandId, batch.batchId, cursor, LINES_PER_PAGE), c.req.query('cursor') || undefined)
  const script = who.claims.r === 'finance' ? await assetUrl('finance') : undefined
  return c.html(<BatchPage brand={who.brand} role={who.claims.r} batch={presentBatch(batch)} lines={page.items} nextCursor={page.nextCursor} firstPage={firstPage} script={script} />)
})
