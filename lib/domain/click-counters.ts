/**
 * Click counters from a batch of table changes: pure, so a batch of any size
 * and shape can be property-tested. The data layer turns the deltas into keys.
 */

/** One change from the table's stream, with its new image already plain values. */
export interface TableChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE'
  newImage?: Record<string, unknown>
}

/** How much to add to one counter: a link's total, or a brand's day by ring and type. */
export type CounterDelta =
  | { counter: 'link'; code: string; dimension: 'total'; clicks: number }
  | { counter: 'brandDay'; brandId: string; day: string; dimension: string; clicks: number }

/** The brand-day dimension a click is counted under (DESIGN.md section 7: per ring, and per type within a ring). */
export const ringTypeDimension = (ring: number, type: string): string => `ring#${ring}#type#${type}`

const deltaKey = (d: CounterDelta): string => (d.counter === 'link' ? `link|${d.code}` : `brandDay|${d.brandId}|${d.day}|${d.dimension}`)

/**
 * Sums a batch's new clicks per counter. Only inserts of click items count (a
 * click is inserted once: its id is its dedupe key); updates, TTL removals and
 * every other entity are ignored, as is a click image missing what it needs.
 * Deltas come out sorted by counter, so the same batch always gives the same
 * chunks (the idempotency marker is per chunk).
 * @example clickCounterDeltas([{ eventName: 'INSERT', newImage: click }, …]) → [{ counter: 'brandDay', …, clicks: 2 }, { counter: 'link', code, clicks: 2 }]
 */
export function clickCounterDeltas(changes: readonly TableChange[]): CounterDelta[] {
  const sums = new Map<string, CounterDelta>()
  const add = (d: CounterDelta) => {
    const key = deltaKey(d)
    const seen = sums.get(key)
    if (seen) seen.clicks += d.clicks
    else sums.set(key, d)
  }
  for (const change of changes) {
    const click = change.eventName === 'INSERT' ? asClick(change.newImage) : undefined
    if (!click) continue
    add({ counter: 'link', code: click.code, dimension: 'total', clicks: 1 })
    add({ counter: 'brandDay', brandId: click.brandId, day: click.at.slice(0, 10), dimension: ringTypeDimension(click.ring, click.type), clicks: 1 })
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d)
}

/** The fields of a click image the counters need, or undefined if it is not a complete click. */
function asClick(image: Record<string, unknown> | undefined): { code: string; brandId: string; at: string; ring: number; type: string } | undefined {
  if (!image || image.entity !== 'click') return undefined
  const { code, brandId, at, ring, type } = image
  if (typeof code !== 'string' || typeof brandId !== 'string' || typeof at !== 'string' || typeof ring !== 'number' || typeof type !== 'string') return undefined
  if (!/^\d{4}-\d{2}-\d{2}T/.test(at)) return undefined
  return { code, brandId, at, ring, type }
}
