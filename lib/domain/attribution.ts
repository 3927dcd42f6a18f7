import type { DistributorStatus, DistributorType } from '../schemas/distributor'

export type AttributionSource = 'click' | 'refCode' | 'binding'

/** Why each way of crediting the order won or lost: support's answer to "why her and not me?". */
export interface Candidate {
  source: AttributionSource
  distributorId?: string
  outcome: 'won' | 'expired' | 'self_purchase' | 'unknown' | 'suspended' | 'outranked'
  detail: string
}

export interface CandidateDistributor {
  id: string
  status: DistributorStatus
  type: DistributorType
  externalId?: string
}

/** Everything attribution looks at, already read: it decides, it does not fetch. */
export interface AttributionInput {
  paidAt: string
  customerId?: string
  bindingDays: number
  selfPurchase: 'allow' | 'deny'
  /** The order's clickId as found (undefined when the order had none; `found: false` when unknown). */
  click?: { clickId: string; found: false } | { clickId: string; found: true; distributorId: string; at: string }
  ref?: { code: string; found: false } | { code: string; found: true; distributorId: string; via: 'link' | 'coupon' }
  binding?: { distributorId: string; boundAt: string; expiresAt: string | null }
  distributors: ReadonlyMap<string, CandidateDistributor>
}

export interface Attribution {
  distributorId: string | null
  source: AttributionSource | null
  candidates: Candidate[]
}

const DAY_MS = 86_400_000

/**
 * Attribution (docs/architecture.md §4.1): a valid click inside the binding window,
 * then the refCode, then the customer's binding, else unattributed. A candidate
 * loses if expired, unknown, suspended, or a self-purchase the brand denies;
 * every candidate considered is kept with its reason.
 */
export function attribute(input: AttributionInput): Attribution {
  const candidates: Candidate[] = []
  const paidAt = Date.parse(input.paidAt)
  let winner: { distributorId: string; source: AttributionSource } | null = null

  const consider = (source: AttributionSource, distributorId: string, expiredDetail: string | null, label: string) => {
    if (winner)
      return candidates.push({
        source,
        distributorId,
        outcome: 'outranked',
        detail: `${label}; ${winner.source} ranks higher.`,
      })
    if (expiredDetail) return candidates.push({ source, distributorId, outcome: 'expired', detail: expiredDetail })
    const d = input.distributors.get(distributorId)
    if (!d)
      return candidates.push({
        source,
        distributorId,
        outcome: 'unknown',
        detail: `${label}; the distributor no longer exists.`,
      })
    if (d.status !== 'active')
      return candidates.push({
        source,
        distributorId,
        outcome: 'suspended',
        detail: `${label}; the distributor is suspended.`,
      })
    if (input.selfPurchase === 'deny' && input.customerId && d.externalId === input.customerId) {
      return candidates.push({
        source,
        distributorId,
        outcome: 'self_purchase',
        detail: `${label}; the buyer is the distributor and the brand denies self-purchase.`,
      })
    }
    winner = { distributorId, source }
    candidates.push({ source, distributorId, outcome: 'won', detail: label })
  }

  if (input.click && !input.click.found)
    candidates.push({
      source: 'click',
      outcome: 'unknown',
      detail: `Click ${input.click.clickId} is not one of this brand's clicks.`,
    })
  if (input.click?.found) {
    const age = paidAt - Date.parse(input.click.at)
    const expired = input.bindingDays > 0 && age > input.bindingDays * DAY_MS
    consider(
      'click',
      input.click.distributorId,
      expired
        ? `Click ${input.click.clickId} was ${Math.floor(age / DAY_MS)} days before payment; the window is ${input.bindingDays} days.`
        : null,
      `Click ${input.click.clickId}`,
    )
  }
  if (input.ref && !input.ref.found)
    candidates.push({
      source: 'refCode',
      outcome: 'unknown',
      detail: `Code ${input.ref.code} is neither a link nor a coupon code of this brand.`,
    })
  if (input.ref?.found)
    consider(
      'refCode',
      input.ref.distributorId,
      null,
      `${input.ref.via === 'link' ? 'Link' : 'Coupon'} code ${input.ref.code}`,
    )
  if (input.binding) {
    const b = input.binding
    const expired = b.expiresAt !== null && Date.parse(b.expiresAt) <= paidAt
    consider(
      'binding',
      b.distributorId,
      expired ? `The customer's binding expired at ${b.expiresAt}.` : null,
      `Customer bound since ${b.boundAt}`,
    )
  }
  const won = winner as { distributorId: string; source: AttributionSource } | null
  return { distributorId: won?.distributorId ?? null, source: won?.source ?? null, candidates }
}

/**
 * The customer's binding after an attributed order, or null for no change.
 * `first`: an unexpired binding is kept; `last`: the newest attribution wins
 * (an older order arriving late never overrides a newer binding).
 */
export function nextBinding(
  current: { distributorId: string; boundAt: string; expiresAt: string | null } | undefined,
  creditedId: string | null,
  paidAt: string,
  policy: { bindingDays: number; bindingPolicy: 'first' | 'last' },
): { distributorId: string; boundAt: string; expiresAt: string | null } | null {
  if (!creditedId) return null
  const at = Date.parse(paidAt)
  const live = current && (current.expiresAt === null || Date.parse(current.expiresAt) > at)
  if (live && policy.bindingPolicy === 'first') return null
  if (current && live && Date.parse(current.boundAt) > at) return null
  if (current && current.distributorId === creditedId && current.boundAt === paidAt) return null
  const expiresAt = policy.bindingDays === 0 ? null : new Date(at + policy.bindingDays * DAY_MS).toISOString()
  return { distributorId: creditedId, boundAt: new Date(at).toISOString(), expiresAt }
}

/** What attribution needs to know about an order's click, code and customer, as read. */
export interface AttributionFacts {
  click: AttributionInput['click']
  ref: AttributionInput['ref']
  binding: AttributionInput['binding']
  /** Recruiters the click's link or the code remembered for its owner: fetched with the candidates. */
  remembered: string[]
}

/** The distributors an order's click, code and binding name: the candidates for its credit. */
export function candidateIds(facts: AttributionFacts): string[] {
  return [
    facts.click?.found ? facts.click.distributorId : '',
    facts.ref?.found ? facts.ref.distributorId : '',
    facts.binding?.distributorId ?? '',
  ].filter(Boolean)
}

/** Who an order credits and why, from its facts and the candidates as read (attribute). */
export function attributeOrder(
  order: { paidAt: string; customerId?: string },
  facts: AttributionFacts,
  candidates: ReadonlyMap<string, CandidateDistributor>,
  programme: Pick<AttributionInput, 'bindingDays' | 'selfPurchase'>,
): Attribution {
  return attribute({
    paidAt: order.paidAt,
    customerId: order.customerId,
    bindingDays: programme.bindingDays,
    selfPurchase: programme.selfPurchase,
    click: facts.click,
    ref: facts.ref,
    binding: facts.binding,
    distributors: candidates,
  })
}
