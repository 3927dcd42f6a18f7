import { Hono, type Context } from 'hono'
import { getDistributor } from '../../lib/db/distributors'
import { ownersOfExternalIds } from '../../lib/db/external-ids'
import { getHandover } from '../../lib/db/handovers'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import { IdParam } from '../../lib/schemas/common'
import type { Brand } from '../../lib/schemas/brand'
import { assetUrl } from '../assets'
import { ImportPage } from '../pages/console/staff/ImportPage'
import { LeavePage } from '../pages/console/staff/LeavePage'

export const consoleStaff = new Hono()

type Gate = { ok: true; brand: Brand } | { ok: false; response: Response }

/** Staff pages are for brand admins: signed-out visitors go to sign-in, a finance key gets a 403. */
async function adminOnly(c: Context): Promise<Gate> {
  c.header('Cache-Control', 'private, no-store')
  const claims = consoleClaimsOf(c)
  if (!claims) return { ok: false, response: c.redirect('/console', 303) }
  if (claims.r !== 'admin') return { ok: false, response: c.text('仅限管理员 Admins only', 403) }
  return { ok: true, brand: await getBrandOrThrow(claims.b) }
}

/** The brand's distributor by id, or by external id (工号) when no id matches. */
async function findInBrand(brandId: string, q: string) {
  const byId = IdParam.safeParse(q).success ? await getDistributor(q) : undefined
  if (byId?.brandId === brandId) return byId
  const owner = (await ownersOfExternalIds(brandId, [q])).get(q)
  return owner ? getDistributor(owner) : undefined
}

// GET /console/import: upload a staff CSV, see its problems, import it with progress.
consoleStaff.get('/console/import', async (c) => {
  const gate = await adminOnly(c)
  if (!gate.ok) return gate.response
  return c.html(<ImportPage brand={gate.brand} script={await assetUrl('import')} />)
})

// GET /console/distributors/:id/leave: record a staff member leaving and hand over to a successor.
consoleStaff.get('/console/distributors/:id/leave', async (c) => {
  const gate = await adminOnly(c)
  if (!gate.ok) return gate.response
  const id = c.req.param('id')
  const d = IdParam.safeParse(id).success ? await getDistributor(id) : undefined
  if (!d || d.brandId !== gate.brand.id) return c.text('没有这个分销员 No such distributor', 404)
  return c.html(<LeavePage brand={gate.brand} distributor={d} handover={await getHandover(d.id)} script={await assetUrl('leave')} />)
})

// GET /console/staff/lookup?q=: the successor picker's confirmation: who an id or 工号 is.
consoleStaff.get('/console/staff/lookup', async (c) => {
  const gate = await adminOnly(c)
  if (!gate.ok) return gate.response
  const q = (c.req.query('q') ?? '').trim().slice(0, 128)
  const d = q ? await findInBrand(gate.brand.id, q) : undefined
  if (!d || d.brandId !== gate.brand.id) return c.json({ found: false }, 404)
  return c.json({ found: true, id: d.id, name: d.name, type: d.type, store: d.store ?? null, status: d.status, externalId: d.externalId ?? null })
})
