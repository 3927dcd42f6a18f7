import { Hono } from 'hono'
import { ListDistributorsQuery } from '../../lib/schemas/distributor'
import { IdParam } from '../../lib/schemas/common'
import { searchDistributors } from '../../lib/services/console-reads'
import { distributorInBrand } from '../../lib/services/distributor-in-brand'
import { AppError, fieldsFromZod } from '../../lib/errors'
import { baseUrlOf } from '../../lib/http/base-url'
import { assetUrl } from '../assets'
import {
  DistributorsPage,
  type DistributorFilterForm,
  type DistributorListView,
} from '../pages/console/admin/DistributorsPage'
import { DistributorPage } from '../pages/console/admin/DistributorPage'
import { type DistributorView, loadDistributorView } from '../../lib/services/distributor-view'
import { adminGate } from './console-admin-gate'

export const consoleDistributors = new Hono()

const PAGE_SIZE = 25
const FILTERS = ['q', 'type', 'status', 'ring', 'store'] as const

// GET /console/distributors: search and filter the brand's distributors (admins). The filters are
// read by the API's own query schema, so a bad one gets the API's message beside its input.
consoleDistributors.get('/console/distributors', async (c) => {
  const gate = await adminGate(c, 'distributors')
  if (!gate.ok) return gate.response
  const filter: DistributorFilterForm = {}
  for (const k of FILTERS) {
    const v = c.req.query(k)?.trim()
    if (v) filter[k] = v
  }
  const cursor = c.req.query('cursor') || undefined
  const parsed = ListDistributorsQuery.safeParse({ ...filter, cursor, limit: PAGE_SIZE })
  let list: DistributorListView
  if (!parsed.success) {
    list = { items: [], filter, errors: fieldsFromZod(parsed.error), firstPage: true }
  } else {
    const { cursor: _c, limit, ...query } = parsed.data
    try {
      list = {
        ...(await searchDistributors(gate.brand.id, query, { cursor, limit })),
        filter,
        errors: {},
        firstPage: !cursor,
      }
    } catch (err) {
      // A stale or edited cursor: say so and show the first page rather than an error page.
      if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err
      list = {
        ...(await searchDistributors(gate.brand.id, query, { limit })),
        filter,
        errors: {},
        firstPage: true,
        notice: gate.t.badCursor,
      }
    }
  }
  return c.html(<DistributorsPage view={gate} list={list} />, parsed.success ? 200 : 422)
})

// GET /console/distributors/:id: one distributor's chain, team, links and earnings, with the admin's actions.
consoleDistributors.get('/console/distributors/:id', async (c) => {
  const gate = await adminGate(c, 'distributors')
  if (!gate.ok) return gate.response
  const id = c.req.param('id')
  // Another brand's distributor is as missing as an unknown one.
  const d = IdParam.safeParse(id).success ? await distributorInBrand(gate.brand.id, id) : undefined
  if (!d)
    return c.html(
      <DistributorsPage
        view={gate}
        list={{ items: [], filter: {}, errors: {}, firstPage: true, notice: `${gate.t.noMatches}: ${id}` }}
      />,
      404,
    )
  const recruits = c.req.query('recruits') || undefined
  let data: DistributorView
  try {
    data = await loadDistributorView(baseUrlOf(c), gate.brand, d, recruits)
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_input' || !recruits) throw err
    data = await loadDistributorView(baseUrlOf(c), gate.brand, d)
  }
  return c.html(<DistributorPage view={gate} data={data} script={await assetUrl('distributor')} />)
})
