import { type ApiError, langHeaders, localizeError } from './shared/api-error'
import type { Link } from '../../lib/schemas/link'
import { copyText, toast } from './shared/copy'
import { posterPng } from './shared/poster'
import { setUpTabs } from './mobile-tabs'

// The mobile page's behaviour: share sheet (link, copy, poster) and copy buttons. No framework.

/** The link being shared, with the product it is for (from the page). */
type SharedLink = Pick<Link, 'shortUrl' | 'qrSvg'> & { sku: string; name: string; price: string; texts: string[] }

const text = (key: string): string => document.body.dataset[key] ?? ''
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T
const sheet = byId('sheet')
const backdrop = byId('sheet-backdrop')
const status = byId('sheet-status')
const buttons = ['copy-link'].map((id) => byId<HTMLButtonElement>(id))

let current: SharedLink | undefined
/** Which open of the sheet a response belongs to, so a slow answer never fills a newer sheet. */
let openSeq = 0

const shareText = (l: SharedLink) =>
  text('shareTemplate').replace('{name}', l.name).replace('{price}', l.price).replace('{url}', l.shortUrl)

async function copy(value: string): Promise<void> {
  toast((await copyText(value)) ? text('copied') : text('copyFailed'))
}

function closeSheet(): void {
  sheet.hidden = true
  backdrop.hidden = true
  current = undefined
}

/** Opens the sheet for a product and asks the API for my link to it (the same link every time). */
async function openSheet(button: HTMLElement): Promise<void> {
  const seq = ++openSeq
  const sku = button.dataset.share ?? ''
  const name = button.dataset.name ?? ''
  const price = button.dataset.price ?? ''
  current = undefined
  buttons.forEach((b) => (b.disabled = true))
  byId('sheet-url').textContent = ''
  byId('sheet-texts').textContent = ''
  byId('poster-image').hidden = true
  byId('poster-hint').textContent = text('drawing')
  status.textContent = text('creating')
  status.hidden = false
  sheet.hidden = false
  backdrop.hidden = false
  try {
    const res = await fetch('/api/links', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...langHeaders() },
      body: JSON.stringify({ productId: sku }),
    })
    const body = (await res.json()) as Partial<Link> & { error?: ApiError }
    if (seq !== openSeq) return
    if (!res.ok || !body.shortUrl || !body.qrSvg)
      throw new Error(localizeError(body.error)?.message ?? text('createFailed'))
    const own = JSON.parse(button.dataset.texts ?? '[]') as string[]
    const l: SharedLink = { sku, name, price, shortUrl: body.shortUrl, qrSvg: body.qrSvg, texts: [] }
    // The brand's texts, else the default; each is copied with the tracked link.
    l.texts = own.length ? own.map((t) => `${t} 👉 ${l.shortUrl}`) : [shareText(l)]
    current = l
    byId('sheet-url').textContent = body.shortUrl
    const list = byId('sheet-texts')
    l.texts.forEach((t, i) => {
      const li = document.createElement('li')
      li.className = 'row'
      const p = document.createElement('span')
      p.className = 'grow'
      p.textContent = t
      const b = document.createElement('button')
      b.type = 'button'
      b.className = 'ghost'
      b.dataset.copy = t
      b.dataset.textIndex = String(i)
      b.textContent = text('copyThis')
      li.append(p, b)
      list.append(li)
    })
    status.hidden = true
    buttons.forEach((b) => (b.disabled = false))
    void showPoster(l, button.dataset.img).catch(() => {
      if (seq === openSeq) byId('poster-hint').textContent = text('createFailed')
    })
  } catch (err) {
    if (seq === openSeq) status.textContent = err instanceof Error && err.message ? err.message : text('createFailed')
  }
}

/** Downloads work where the browser has them; WeChat's webview ignores them (a long press saves instead). */
const canDownload = 'download' in HTMLAnchorElement.prototype && !/MicroMessenger/i.test(navigator.userAgent)

/** Draws the poster on a canvas and shows it as a PNG `<img>`, so a long press saves it and scans its QR. */
async function showPoster(l: SharedLink, photoUrl: string | undefined): Promise<void> {
  const png = await posterPng({
    brand: text('brand'),
    name: l.name,
    price: l.price,
    qrSvg: l.qrSvg,
    hint: text('scan'),
    sharer: text('sharer'),
    copy:
      JSON.parse(
        document.querySelector<HTMLElement>(`[data-share="${CSS.escape(l.sku)}"]`)?.dataset.texts ?? '[]',
      )[0] ?? text('posterCopy'),
    colour: text('brandColour') || '#c2185b',
    logoUrl: text('logoUrl') || undefined,
    photoUrl,
  })
  if (current !== l) return
  const url = URL.createObjectURL(png)
  const img = byId<HTMLImageElement>('poster-image')
  if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src)
  img.src = url
  img.hidden = false
  byId('poster-hint').textContent = text('pressToSave')
  byId('save-poster').hidden = !canDownload
}

/** Hands the shown poster to the browser as a PNG download. */
function savePoster(l: SharedLink): void {
  const url = byId<HTMLImageElement>('poster-image').src
  if (!url) return
  const a = document.createElement('a')
  a.href = url
  a.download = `poster-${l.sku}.png`
  document.body.appendChild(a)
  a.click()
  a.remove()
}

document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target : null
  const share = el?.closest<HTMLElement>('[data-share]')
  if (share) return void openSheet(share)
  const copyable = el?.closest<HTMLElement>('[data-copy]')
  if (copyable) return void copy(copyable.dataset.copy ?? '')
  if (!el) return
  if (el.id === 'sheet-close' || el.id === 'sheet-backdrop') return closeSheet()
  if (!current) return
  if (el.id === 'copy-link') return void copy(current.shortUrl)
  if (el.id === 'save-poster') savePoster(current)
})

setUpTabs()
