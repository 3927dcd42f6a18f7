import type { DistributorStatus } from '../../lib/schemas/distributor'
import { STATUS_NAMES } from '../i18n/console-admin'
import { staffText } from '../i18n/staff'
import { consoleApi } from './shared/console-api'
import { pageLang } from './shared/page-lang'
import { confirmDialog } from './shared/confirm-dialog'
import { confirmationsText } from '../i18n/confirmations'

// The staff-left page: confirm the successor by name, then run the hand-over until it is done.

const lang = pageLang()
const t = staffText(lang)
const asks = confirmationsText(lang)
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const leaverId = $('leaver').dataset.id ?? ''
const form = $<HTMLFormElement>('leave-form')
const query = $<HTMLInputElement>('successor-query')
const found = $('successor-found')
const submit = $<HTMLButtonElement>('leave-submit')
const status = $('leave-status')

async function find(): Promise<void> {
  submit.disabled = true
  delete submit.dataset.successor
  const q = query.value.trim()
  if (!q) return
  const res = await fetch(`/console/staff/lookup?q=${encodeURIComponent(q)}`, { credentials: 'same-origin' })
  const d = (await res.json().catch(() => ({ found: false }))) as {
    found: boolean
    id?: string
    name?: string
    store?: string | null
    status?: DistributorStatus
  }
  if (!d.found || !d.id) {
    found.textContent = t.noSuchPerson
    return
  }
  found.textContent = t.successorFound(d.name ?? '', d.store ?? '—', d.status ? STATUS_NAMES[lang][d.status] : '—')
  submit.dataset.successor = d.id
  submit.dataset.successorName = d.name ?? d.id
  submit.disabled = false
}

$('successor-find').addEventListener('click', () => void find())
query.addEventListener('change', () => void find())

form?.addEventListener('submit', async (e) => {
  e.preventDefault()
  const successorId = submit.dataset.successor
  if (!successorId) return
  const leaver = $('leaver').dataset
  const counted = (n: string | undefined, complete: string | undefined) =>
    complete === 'false' ? asks.atLeast(Number(n)) : (n ?? '0')
  const leaverName = leaver.name ?? leaverId
  const successorName = submit.dataset.successorName ?? successorId
  const ok = await confirmDialog({
    title: asks.handover.title(leaverName, successorName),
    consequences: asks.handover.consequences(
      leaverName,
      successorName,
      counted(leaver.customers, leaver.customersComplete),
      counted(leaver.recruits, leaver.recruitsComplete),
    ),
    warning: asks.irreversible,
    confirmLabel: asks.handover.ok,
    cancelLabel: asks.cancel,
  })
  if (!ok) return
  submit.disabled = true
  status.textContent = t.handingOver
  // A large hand-over stops at its time budget and says in_progress: call again until it is done.
  for (let i = 0; i < 50; i++) {
    const res = await consoleApi<{ status: string }>(
      'POST',
      `/api/distributors/${encodeURIComponent(leaverId)}/leave`,
      { successorId },
    )
    if (res.status !== 200) {
      status.textContent = res.body.error?.fields?.successorId ?? res.body.error?.message ?? `HTTP ${res.status}`
      submit.disabled = false
      return
    }
    if (res.body.status !== 'in_progress') break
  }
  location.reload()
})

if (query.value) void find()
