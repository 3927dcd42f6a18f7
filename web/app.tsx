import { Hono } from 'hono'
import { signIn } from './routes/sign-in'

/** The pages: the distributor's mobile page under /m and the brand console under /console. */
export function buildWebApp(): Hono {
  const web = new Hono()
  web.route('/', signIn)
  web.get('/m', (c) => c.html('<!doctype html><title>Ripple</title><p>mobile page</p>'))
  return web
}
