import { Hono } from 'hono'
import { clientAsset } from '../assets'

export const assets = new Hono()

const FILE = /^([a-z][a-z0-9-]*)\.([0-9a-f]{10})\.js$/

// GET /assets/<name>.<hash>.js: a bundled client script, cached for a year (the hash changes with the code).
assets.get('/assets/:file', async (c) => {
  const m = FILE.exec(c.req.param('file'))
  const asset = m ? await clientAsset(m[1] ?? '') : undefined
  if (!m || !asset) return c.text('Not found', 404)
  // A page rendered by the previous deployment may ask for an older hash: serve today's
  // script so the page still works, but do not let a cache pin it to the old URL.
  c.header('Cache-Control', asset.hash === m[2] ? 'public, max-age=31536000, immutable' : 'no-cache')
  c.header('Content-Type', 'text/javascript; charset=utf-8')
  c.header('X-Content-Type-Options', 'nosniff')
  return c.body(asset.js)
})
