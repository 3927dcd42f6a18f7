/**
 * A brand's calendar: its days and months in its IANA time zone
 * (`programme.timeZone`, docs/architecture.md §3.7). Every conversion between a
 * stored instant (UTC, `Z`) and a local day, month or wall time goes through
 * here, with the runtime's Intl (no dependency), so that reports, counters,
 * settlement periods, CSVs and the console all agree on where a day begins.
 * Days are `YYYY-MM-DD`, months `YYYY-MM`, local wall times `YYYY-MM-DDTHH:mm[:ss]`.
 */

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

const formatters = new Map<string, Intl.DateTimeFormat>()
/** One formatter per zone, made once: creating them is the costly part. */
function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(zone, f)
  }
  return f
}

/**
 * True for a time zone the runtime knows by its IANA name (`Asia/Shanghai`, `UTC`).
 * @example isTimeZone('Asia/Shanghai') === true; isTimeZone('Beijing') === false
 */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false
  try {
    formatterOf(name)
    return true
  } catch {
    return false
  }
}

/** The zone a new brand gets when it names none: Beijing time for a yuan brand, else UTC. */
export const defaultTimeZoneFor = (currency: string): string => (currency === 'CNY' ? 'Asia/Shanghai' : 'UTC')

/** The local wall clock at an instant, as the UTC milliseconds of the same wall time (seconds precision). */
function wallMs(zone: string, ms: number): number {
  const p: Record<string, number> = {}
  for (const part of formatterOf(zone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (east positive).
 * @example offsetMs('Asia/Shanghai', Date.parse('2026-11-30T16:00:00Z')) === 28_800_000
 */
export function offsetMs(zone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000
  return wallMs(zone, whole) - whole
}

const toMs = (at: string | number | Date): number =>
  typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime()
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The brand's local day of an instant.
 * @example localDay('2026-11-30T16:00:00Z', 'Asia/Shanghai') === '2026-12-01'
 */
export function localDay(at: string | number | Date, zone: string): string {
  const ms = toMs(at)
  return isoDay(ms + offsetMs(zone, ms))
}

/**
 * The brand's local month of an instant.
 * @example localMonth('2026-11-30T15:59:59Z', 'Asia/Shanghai') === '2026-11'
 */
export const localMonth = (at: string | number | Date, zone: string): string => localDay(at, zone).slice(0, 7)

/**
 * A calendar day moved by n days (pure calendar arithmetic, no zone).
 * @example addDays('2026-03-01', -1) === '2026-02-28'
 */
export const addDays = (day: string, n: number): string => isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS)

/** Every day from `from` to `to`, both included. @example daysFrom('2026-02-27', '2026-03-01') → ['2026-02-27', '2026-02-28', '2026-03-01'] */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * The first instant (ms) whose local wall time is at or after a wall time given
 * as UTC milliseconds: the wall time itself when it exists, the end of a
 * spring-forward gap when it does not, and the earlier of two in a fall-back overlap.
 */
function firstInstantAtOrAfter(zone: string, wall: number): number {
  const candidates = [offsetMs(zone, wall - DAY_MS), offsetMs(zone, wall + DAY_MS), offsetMs(zone, wall)]
    .map((o) => wall - o)
    .filter((t) => wallMs(zone, t) === wall)
  if (candidates.length > 0) return Math.min(...candidates)
  // The wall time falls in a gap: the answer is the transition, the first instant past it.
  let lo = wall - 2 * DAY_MS
  let hi = wall + 2 * DAY_MS
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (wallMs(zone, mid) + (mid % 1000) >= wall) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * The instant a local day begins (its local midnight, or the first instant after a gap), UTC ms.
 * @example new Date(startOfDay('2026-12-01', 'Asia/Shanghai')).toISOString() === '2026-11-30T16:00:00.000Z'
 */
export const startOfDay = (day: string, zone: string): number =>
  firstInstantAtOrAfter(zone, Date.parse(`${day}T00:00:00Z`))

/**
 * A local day as the half-open span of instants [start, end), ISO UTC. Its length is 24 h,
 * or 23 h and 25 h on the days a zone moves its clocks.
 * @example daySpan('2026-03-08', 'America/New_York') → { start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' }
 */
export function daySpan(day: string, zone: string): { start: string; end: string } {
  return {
    start: new Date(startOfDay(day, zone)).toISOString(),
    end: new Date(startOfDay(addDays(day, 1), zone)).toISOString(),
  }
}

/**
 * A local month `YYYY-MM` as the half-open span [start, end), ISO UTC: it ends at the next month's local midnight.
 * @example monthSpan('2026-11', 'Asia/Shanghai') → { start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' }
 */
export function monthSpan(month: string, zone: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)
  return {
    start: new Date(startOfDay(`${month}-01`, zone)).toISOString(),
    end: new Date(startOfDay(next, zone)).toISOString(),
  }
}

/**
 * The last `n` local days up to the one holding `now`, oldest first: what a "last 30 days" figure covers.
 * @example lastLocalDays(new Date('2026-11-25T17:00:00Z'), 2, 'Asia/Shanghai') → { from: '2026-11-25', to: '2026-11-26', days: ['2026-11-25', '2026-11-26'] }
 */
export function lastLocalDays(now: Date, n: number, zone: string): { from: string; to: string; days: string[] } {
  const to = localDay(now, zone)
  const from = addDays(to, -(Math.max(1, n) - 1))
  return { from, to, days: daysFrom(from, to) }
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')

/**
 * An instant written as the brand's wall time with its offset, for CSVs and APIs read by people.
 * @example withOffset('2026-11-30T16:00:00Z', 'Asia/Shanghai') === '2026-12-01T00:00:00+08:00'
 */
export function withOffset(at: string | number | Date, zone: string): string {
  const ms = Math.floor(toMs(at) / 1000) * 1000
  const off = offsetMs(zone, ms)
  const mins = Math.round(off / 60_000)
  const sign = mins < 0 ? '-' : '+'
  return `${new Date(ms + off).toISOString().slice(0, 19)}${sign}${pad(Math.trunc(mins / 60))}:${pad(mins % 60)}`
}

/**
 * An instant as a local wall time `YYYY-MM-DDTHH:mm` (a `datetime-local` value).
 * @example toLocalWall('2026-11-30T16:00:00Z', 'Asia/Shanghai') === '2026-12-01T00:00'
 */
export function toLocalWall(at: string | number | Date, zone: string): string {
  const ms = toMs(at)
  return new Date(ms + offsetMs(zone, ms)).toISOString().slice(0, 16)
}

/**
 * A local wall time `YYYY-MM-DDTHH:mm[:ss]` in the zone as an ISO UTC instant, or undefined when unreadable.
 * A time skipped by a spring-forward gap means the first instant after it.
 * @example fromLocalWall('2026-12-01T00:00', 'Asia/Shanghai') === '2026-11-30T16:00:00.000Z'
 */
export function fromLocalWall(wall: string, zone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall)
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(ms)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined
  return new Date(firstInstantAtOrAfter(zone, ms)).toISOString()
}

/** Hours in a local day (23, 24 or 25 where clocks move by an hour). @example hoursIn('2026-11-01', 'America/New_York') === 25 */
export const hoursIn = (day: string, zone: string): number =>
  (startOfDay(addDays(day, 1), zone) - startOfDay(day, zone)) / HOUR_MS
