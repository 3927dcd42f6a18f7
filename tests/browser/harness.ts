import { serve } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { buildPlatformApp } from '../../lib/http/platform-app'

/**
 * A real HTTP server on 127.0.0.1 (the same app `npm start` serves) and Debian's
 * Chromium driven by playwright-core. Never downloads a browser.
 */
export async function startServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  let server: ReturnType<typeof serve> | undefined
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: buildPlatformApp().fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port))
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => (server ? server.close(() => r()) : r())),
  }
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })

/**
 * A phone: 375 px wide, touch, clipboard allowed. The user agent is a real
 * Android Chrome one because headless Chromium says "HeadlessChrome", which the
 * bot filter rightly refuses to sign in or count.
 */
export const PHONE_CHROME_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36'

export async function phoneContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    userAgent: PHONE_CHROME_UA,
    acceptDownloads: true,
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
  return context
}

/** A JSON call to the running server, as an integrator would make it. */
export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

export const SERUM = { sku: 'CAM-SERUM-30', name: '山茶花精华液', price: 29900 }
export const LIP = { sku: 'CAM-LIP-01', name: '山茶花润唇膏', price: 6900 }

/** A brand whose allowed domain is 127.0.0.1, with two products pointing at the local demo shop. */
export async function demoBrand(baseUrl: string) {
  const created = await api<{ brand: { id: string; name: string }; adminKey: string; financeKey: string }>(
    baseUrl,
    'POST',
    '/api/admin/brands',
    process.env.ADMIN_TOKEN,
    {
      name: '山茶花美妆',
      programme: { allowedDomains: ['127.0.0.1'], currency: 'CNY', timeZone: 'UTC', defaultBps: [1000, 300] },
    },
  )
  if (created.status !== 201) throw new Error(`brand: ${created.status} ${JSON.stringify(created.body)}`)
  for (const p of [SERUM, LIP]) {
    const r = await api(baseUrl, 'POST', '/api/products', created.body.adminKey, {
      ...p,
      url: `${baseUrl}/demo-shop/p/${p.sku}`,
    })
    if (r.status !== 201) throw new Error(`product: ${r.status} ${JSON.stringify(r.body)}`)
  }
  return created.body
}

/** Creates a distributor with the admin key and mints a real single-use sign-in link for them. */
export async function distributorWithSignIn(baseUrl: string, adminKey: string, name: string, type = 'guide') {
  const d = await api<{ id: string; inviteCode: string }>(baseUrl, 'POST', '/api/distributors', adminKey, {
    name,
    type,
  })
  if (d.status !== 201) throw new Error(`distributor: ${d.status} ${JSON.stringify(d.body)}`)
  const link = await api<{ url: string }>(baseUrl, 'POST', `/api/distributors/${d.body.id}/sign-in-links`, adminKey)
  if (link.status !== 201) throw new Error(`sign-in link: ${link.status}`)
  return { ...d.body, signInUrl: link.body.url }
}

/** Signs a desktop browser page into the console with a brand API key. */
export async function signInConsole(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/console`)
  await page.locator('#api-key').fill(key)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${baseUrl}/console`)
}

/**
 * Answers the console's confirmation dialog (web/client/shared/confirm-dialog.ts) once it is open,
 * and returns what it said: its title, consequences and warning.
 */
export async function answerConfirm(page: Page, accept: boolean): Promise<string> {
  const dialog = page.locator('dialog#confirm-dialog[open]')
  await dialog.waitFor()
  const text = (await dialog.locator('h2, li, .warning').allTextContents()).join('\n')
  await page.locator(accept ? '#confirm-ok' : '#confirm-cancel').click()
  await dialog.waitFor({ state: 'detached' })
  return text
}
