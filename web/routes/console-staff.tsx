import { Hono } from 'hono'
import { getHandover } from '../../lib/services/console-reads'
import { distributorByIdOrExternalId, distributorInBrand } from '../../lib/services/distributor-in-brand'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { IdParam } from '../../lib/schemas/common'
import { assetUrl } from '../assets'
import { ImportPage } from '../pages/console/staff/ImportPage'
import { LeavePage, LeaverNotFound } from '../pages/console/staff/LeavePage'
import { adminGate } from './console-admin-gate'
import { BOM, row } from '../../lib/domain/csv'
import { csvDownloadHeaders } from '../../lib/http/csv-download'
import { staffText } from '../i18n/staff'
import { handoverLoad } from '../../lib/services/hand-over'

export const consoleStaff = new Hono()

// GET /console/import: upload a staff CSV, see its problems, import it with progress (admins).
consoleStaff.get('/console/import', async (c) => {
  const gate = await adminGate(c, 'import')
  if (!gate.ok) return gate.response
  return c.html(<ImportPage view={gate} script={await assetUrl('import')} />)
})

// GET /console/import/template.csv: the file to fill in, in the page's language (headers the import reads, three example rows).
consoleStaff.get('/console/import/template.csv', async (c) => {
  const gate = await adminGate(c, 'import')
  if (!gate.ok) return gate.response
  const t = staffText(gate.lang)
  // UTF-8 with a BOM, CRLF: Excel opens it with the Chinese intact, and saves it back in a form the import reads.
  const body = BOM + row(t.columns.map((col) => col.name)) + t.templateRows.map((r) => row(r)).join('')
  return c.body(body, 200, csvDownloadHeaders('staff-import-template.csv', t.templateFile))
})

// GET /console/distributors/:id/leave: record a staff member leaving and hand over to a successor (admins).
consoleStaff.get('/console/distributors/:id/leave', async (c) => {
  const gate = await adminGate(c, 'distributors')
  if (!gate.ok) return gate.response
  const id = c.req.param('id')
  const d = IdParam.safeParse(id).success ? await distributorInBrand(gate.brand.id, id) : undefined
  if (!d) return c.html(<LeaverNotFound view={gate} />, 404)
  const handover = await getHandover(d.id)
  // What the hand-over would move, for its confirmation; a finished one shows its own counts instead.
  const load = handover?.status === 'done' ? undefined : await handoverLoad(d.id)
  return c.html(
    <LeavePage view={gate} distributor={d} handover={handover} load={load} script={await assetUrl('leave')} />,
  )
})

// GET /console/staff/lookup?q=: the successor picker's confirmation: who an id or 工号 is (admins; JSON for the page's script).
consoleStaff.get('/console/staff/lookup', async (c) => {
  c.header('Cache-Control', 'private, no-store')
  const claims = await consoleClaimsOf(c)
  if (!claims) return c.json({ found: false }, 401)
  if (claims.r !== 'admin') return c.json({ found: false }, 403)
  const q = (c.req.query('q') ?? '').trim().slice(0, 128)
  const d = q ? await distributorByIdOrExternalId(claims.b, q) : undefined
  if (!d || d.brandId !== claims.b) return c.json({ found: false }, 404)
  return c.json({
    found: true,
    id: d.id,
    name: d.name,
    type: d.type,
    store: d.store ?? null,
    status: d.status,
    externalId: d.externalId ?? null,
  })
})
