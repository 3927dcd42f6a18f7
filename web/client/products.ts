import type { Product } from '../../lib/schemas/product'
import type { Campaign } from '../../lib/schemas/campaign'
import { consoleApi, type ApiAnswer } from './shared/console-api'
import { clearErrors, showErrors } from './shared/field-errors'
import { fromLocalInput, localizeTimes, toLocalInput } from './rules/local-time'
import { exponentOf, formatMinor } from '../shared/amounts'
import { bodyText, pageLang } from './shared/page-lang'
import { confirmDialog } from './shared/confirm-dialog'
import { confirmationsText } from '../i18n/confirmations'

// The products and campaigns page: add, edit and (de)activate both through the API; the server re-renders the lists.

const text = bodyText()
const asks = confirmationsText(pageLang())
const currency = document.body.dataset.currency ?? 'CNY'
const productForm = document.getElementById('product-form') as HTMLFormElement
const campaignForm = document.getElementById('campaign-form') as HTMLFormElement
const input = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement
const rowData = <T>(attr: string, value: string): T | undefined => {
  const row = document.querySelector<HTMLElement>(
    `tr[data-${attr === 'product' ? 'sku' : 'id'}="${CSS.escape(value)}"]`,
  )
  const json = row?.dataset[attr]
  return json ? (JSON.parse(json) as T) : undefined
}

/** After a save: the lists are the server's to render, so reload (keeping the page of the catalogue). */
const reload = () => location.reload()

/** Sends a form's body; shows the API's field errors beside the fields, or reloads on success. */
async function submit(form: HTMLFormElement, send: () => Promise<ApiAnswer<unknown>>): Promise<void> {
  clearErrors(form)
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')
  if (button) button.disabled = true
  try {
    const res = await send()
    if (res.status === 200 || res.status === 201) return reload()
    showErrors(form, res.body.error?.fields ?? { _: res.body.error?.message ?? `HTTP ${res.status}` })
  } catch {
    showErrors(form, { _: text.failed ?? '' })
  }
  if (button) button.disabled = false
}

// Products: POST /api/products is an upsert by SKU.
const productBody = (p: Omit<Product, 'updatedAt'>) => ({
  sku: p.sku,
  name: p.name,
  price: p.price,
  url: p.url,
  category: p.category,
  imageUrl: p.imageUrl,
  active: p.active,
})

productForm.addEventListener('submit', (e) => {
  e.preventDefault()
  const value = (name: string) => input(productForm, name).value.trim()
  const body = {
    sku: value('sku'),
    name: value('name'),
    // Sent as typed: the API reads a decimal string exactly by the brand currency's exponent.
    price: value('price'),
    url: value('url'),
    category: value('category') || undefined,
    imageUrl: value('imageUrl') || undefined,
    active: value('active') !== 'false',
  }
  void submit(productForm, () => consoleApi('POST', '/api/products', body))
})

function resetProductForm(): void {
  productForm.reset()
  input(productForm, 'sku').readOnly = false
  input(productForm, 'active').value = 'true'
  clearErrors(productForm)
  ;(document.getElementById('product-form-title') as HTMLElement).textContent = text.addProduct ?? ''
  ;(document.getElementById('product-cancel') as HTMLElement).hidden = true
}

function editProduct(p: Product): void {
  resetProductForm()
  input(productForm, 'sku').value = p.sku
  input(productForm, 'sku').readOnly = true
  input(productForm, 'name').value = p.name
  input(productForm, 'price').value = formatMinor(p.price, exponentOf(currency))
  input(productForm, 'url').value = p.url
  input(productForm, 'category').value = p.category ?? ''
  input(productForm, 'imageUrl').value = p.imageUrl ?? ''
  input(productForm, 'active').value = String(p.active)
  ;(document.getElementById('product-form-title') as HTMLElement).textContent = `${text.editProduct ?? ''} · ${p.sku}`
  ;(document.getElementById('product-cancel') as HTMLElement).hidden = false
  productForm.scrollIntoView({ block: 'start' })
}

// Campaigns: POST a new one, PUT an existing one by id.
let editingCampaign: string | undefined

campaignForm.addEventListener('submit', (e) => {
  e.preventDefault()
  const value = (name: string) => input(campaignForm, name).value.trim()
  const errors: Record<string, string> = {}
  const times: Record<string, string> = {}
  for (const name of ['startsAt', 'endsAt']) {
    const iso = fromLocalInput(value(name))
    if (!iso) errors[name] = text.required ?? ''
    else times[name] = iso
  }
  clearErrors(campaignForm)
  if (Object.keys(errors).length) return showErrors(campaignForm, errors)
  const body = { name: value('name'), ...times, active: input(campaignForm, 'active').checked }
  const id = editingCampaign
  void submit(campaignForm, () =>
    id
      ? consoleApi('PUT', `/api/campaigns/${encodeURIComponent(id)}`, body)
      : consoleApi('POST', '/api/campaigns', { ...body, id: value('id') || undefined }),
  )
})

function resetCampaignForm(): void {
  campaignForm.reset()
  editingCampaign = undefined
  input(campaignForm, 'id').readOnly = false
  clearErrors(campaignForm)
  ;(document.getElementById('campaign-form-title') as HTMLElement).textContent = text.addCampaign ?? ''
  ;(document.getElementById('campaign-cancel') as HTMLElement).hidden = true
}

function editCampaign(c: Campaign): void {
  resetCampaignForm()
  editingCampaign = c.id
  input(campaignForm, 'id').value = c.id
  input(campaignForm, 'id').readOnly = true
  input(campaignForm, 'name').value = c.name
  input(campaignForm, 'startsAt').value = toLocalInput(c.startsAt)
  input(campaignForm, 'endsAt').value = toLocalInput(c.endsAt)
  input(campaignForm, 'active').checked = c.active
  ;(document.getElementById('campaign-form-title') as HTMLElement).textContent = `${text.editCampaign ?? ''} · ${c.id}`
  ;(document.getElementById('campaign-cancel') as HTMLElement).hidden = false
  campaignForm.scrollIntoView({ block: 'start' })
}

document.getElementById('product-cancel')?.addEventListener('click', resetProductForm)
document.getElementById('campaign-cancel')?.addEventListener('click', resetCampaignForm)

document.addEventListener('click', async (e) => {
  const el = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button') : null
  if (!el) return
  const d = el.dataset
  if (d.editProduct) {
    const p = rowData<Product>('product', d.editProduct)
    if (p) editProduct(p)
  } else if (d.editCampaign) {
    const c = rowData<Campaign>('campaign', d.editCampaign)
    if (c) editCampaign(c)
  } else if (d.toggleProduct || d.toggleCampaign) {
    const p = d.toggleProduct ? rowData<Product>('product', d.toggleProduct) : undefined
    const c = d.toggleCampaign ? rowData<Campaign>('campaign', d.toggleCampaign) : undefined
    if (
      p?.active &&
      !(await confirmDialog({
        title: asks.deactivateProduct.title(p.name),
        consequences: asks.deactivateProduct.consequences(p.name, p.sku),
        confirmLabel: asks.deactivateProduct.ok,
        cancelLabel: asks.cancel,
      }))
    )
      return
    el.disabled = true
    const res = p
      ? await consoleApi('POST', '/api/products', { ...productBody(p), active: !p.active }).catch(() => undefined)
      : c
        ? await consoleApi('PUT', `/api/campaigns/${encodeURIComponent(c.id)}`, {
            name: c.name,
            startsAt: c.startsAt,
            endsAt: c.endsAt,
            active: !c.active,
          }).catch(() => undefined)
        : undefined
    if (res && (res.status === 200 || res.status === 201)) return reload()
    el.disabled = false
    alert(res?.body.error?.message ?? text.failed)
  }
})

localizeTimes(document)
