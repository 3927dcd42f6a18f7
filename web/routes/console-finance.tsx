import { Hono, type Context } from 'hono'
import { getBatch, listBatches, listLines } from '../../lib/services/console-reads'
import type { ConsoleRole } from '../../lib/auth/console-session'
import type { Brand } from '../../lib/schemas/brand'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { AppError } from '../../lib/errors'
import { presentBatch } from '../../lib/services/present-batch'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import { langOf, langSwitchOf, type Lang, type LangSwitch } from '../i18n/lang'
import { financeText, type FinanceText } from '../i18n/finance'
import { assetUrl } from '../assets'
import { FinancePage } from '../pages/console/finance/FinancePage'
import { BatchNotFound, BatchPage } from '../pages/console/finance/BatchPage'

/**
 * The finance pages. Finance sees everything and acts (preview, close, export,
 * mark paid, all through /api/settlements with the console cookie); a brand admin
 * may look (totals, reconciliation, lines) but gets no buttons, and the API
 * refuses them the actions anyway (finance role only).
 */
export const consoleFinance = new Hono()

/** What a finance page renders with: who is looking, the page language, its text and the link to the other language. */
export interface FinanceView {
  brand: Brand
  role: ConsoleRole
  lang: Lang
  t: FinanceText
  langSwitch: LangSwitch
}

const BATCHES_PER_PAGE = 20
const LINES_PER_PAGE = 50

/** The previous calendar month (UTC): the period finance usually closes. */
const lastMonth = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)

/** A page of something by cursor; a stale or forged cursor falls back to the first page. */
async function pageOrFirst<T>(
  load: (cursor?: string) => Promise<T>,
  cursor: string | undefined,
): Promise<{ page: T; firstPage: boolean }> {
  try {
    return { page: await load(cursor), firstPage: !cursor }
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_input' || !cursor) throw err
    return { page: await load(), firstPage: true }
  }
}

/** Finance keys and admins alike (unlike adminGate): the view, or undefined when signed out. */
async function financeGate(c: Context): Promise<FinanceView | undefined> {
  c.header('Cache-Control', 'private, no-store')
  const claims = await consoleClaimsOf(c)
  if (!claims) return undefined
  const lang = langOf(c)
  return {
    brand: await getBrandOrThrow(claims.b),
    role: claims.r,
    lang,
    t: financeText(lang),
    langSwitch: langSwitchOf(c, lang),
  }
}

/** The page script, for finance only: an admin's pages have no actions. */
const scriptFor = async (view: FinanceView) => (view.role === 'finance' ? await assetUrl('finance') : undefined)

// GET /console/finance: batches, what is owed and paid, and (finance) the close-a-period form.
consoleFinance.get('/console/finance', async (c) => {
  const view = await financeGate(c)
  if (!view) return c.redirect('/console', 303)
  const { page } = await pageOrFirst(
    (cursor) => listBatches(view.brand.id, { cursor, limit: BATCHES_PER_PAGE }),
    c.req.query('cursor') || undefined,
  )
  return c.html(
    <FinancePage
      view={view}
      batches={page.items.map((b) => presentBatch(b))}
      nextCursor={page.nextCursor}
      defaultPeriod={lastMonth()}
      script={await scriptFor(view)}
    />,
  )
})

// GET /console/finance/:id: one batch with its lines a page at a time (the API's cursor), exports and mark paid.
consoleFinance.get('/console/finance/:id', async (c) => {
  const view = await financeGate(c)
  if (!view) return c.redirect('/console', 303)
  const id = c.req.param('id')
  const batch = /^st_[0-9_-]{7,30}$/.test(id) ? await getBatch(view.brand.id, id) : undefined
  if (!batch) return c.html(<BatchNotFound view={view} />, 404)
  const { page, firstPage } = await pageOrFirst(
    (cursor) => listLines(batch.brandId, batch.batchId, cursor, LINES_PER_PAGE),
    c.req.query('cursor') || undefined,
  )
  return c.html(
    <BatchPage
      view={view}
      batch={presentBatch(batch)}
      lines={page.items}
      nextCursor={page.nextCursor}
      firstPage={firstPage}
      script={await scriptFor(view)}
    />,
  )
})
