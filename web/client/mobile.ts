import type { Link } from '../../lib/schemas/link'
import { copyText, toast } from './shared/copy'
import { posterPng } from './shared/poster'
import { setUpTabs } from './mobile-tabs'

// The mobile page's behaviour: share sheet (link, copy, poster) and copy buttons. No framework.

/** The link being shared, with the product it is for (from the page). */
type SharedLink = Pick<Link, 'shortUrl' | 'qrSvg'> & { sku: string; name: string; price: string }

const text = (key: string): string => document.body.dataset[key] ?? ''
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T
const sheet = byId('sheet')
const backdrop = byId('sheet-backdrop')
const status = byId('sheet-status')
const buttons = ['copy-link', 'copy-text', 'save-poster'].map((id) => byId<HTMLButtonElement>(id))

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
  byId('sheet-qr').innerHTML = ''
  byId('poster-image').hidden = true
  byId('poster-name').textContent = name
  byId('poster-price').textContent = price
  status.textContent = text('creating')
  status.hidden = false
  sheet.hidden = false
  backdrop.hidden = false
  try {
    const res = await fetch('/api/links', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productId: sku }),
    })
    const body = (await res.json()) as Partial<Link> & { error?: { message: string } }
    if (seq !== openSeq) return
    if (!res.ok || !body.shortUrl || !body.qrSvg) throw new Error(body.error?.message ?? text('createFailed'))
    current = { sku, name, price, shortUrl: body.shortUrl, qrSvg: body.qrSvg }
    byId('sheet-url').textContent = body.shortUrl
    // The SVG comes from our own API (the qrcode library), not from user input.
    byId('sheet-qr').innerHTML = body.qrSvg
    status.hidden = true
    buttons.forEach((b) => (b.disabled = false))
  } catch (err) {
    if (seq === openSeq) status.textContent = err instanceof Error && err.message ? err.message : text('createFailed')
  }
}

/** Draws the poster and hands it to the browser as a PNG download. */
async function savePoster(l: SharedLink): Promise<void> {
  const png = await posterPng({
    brand: text('brand'),
    name: l.name,
    price: l.price,
    qrSvg: l.qrSvg,
    hint: text('scan'),
  })
  const url = URL.createObjectURL(png)
  const img = byId<HTMLImageElement>('poster-image')
  if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src)
  img.src = url
  img.hidden = false
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
  if (el.id === 'copy-text') return void copy(shareText(current))
  if (el.id === 'save-poster') void savePoster(current).catch(() => toast(text('createFailed')))
})

setUpTabs()
