import { Hono } from 'hono'
import { getMedia } from '../storage/media-bucket'

/** A /media/ path: brand, kind, then names of [A-Za-z0-9._-] that are not dots alone (no way out of the brand). */
const MEDIA_PATH = /^\/media\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\/){2,5}[A-Za-z0-9_-]{1,64}\.(?:webp|jpg|png)$/
const TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' }

/**
 * GET /media/*: product photos and brand logos from the private media bucket,
 * through Ripple's own origin. Every key holds a content version, so a URL's
 * bytes never change: a year's immutable cache, and `nosniff` with the type
 * taken from the name. Public: these are the pictures consumers are sent.
 */
export function buildMediaApp(): Hono {
  const app = new Hono()
  app.get('/media/*', async (c) => {
    const path = c.req.path
    if (!MEDIA_PATH.test(path)) return c.text('Not found', 404)
    const found = await getMedia(path.slice(1))
    if (!found) return c.text('Not found', 404, { 'Cache-Control': 'no-store' })
    const ext = path.slice(path.lastIndexOf('.') + 1)
    return c.body(found.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-site',
    })
  })
  return app
}
