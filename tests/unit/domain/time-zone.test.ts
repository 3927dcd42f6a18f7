import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  daySpan,
  defaultTimeZoneFor,
  fromLocalWall,
  hoursIn,
  isTimeZone,
  lastLocalDays,
  localDay,
  localMonth,
  monthSpan,
  offsetMs,
  startOfDay,
  toLocalWall,
  withOffset,
} from '../../../lib/domain/time-zone'

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata']
const zone = fc.constantFrom(...ZONES)
/** Instants from 2000 to 2040, to the second. */
const instant = fc.integer({ min: 946_684_800, max: 2_208_988_800 }).map((s) => s * 1000)
const day = fc.integer({ min: 10_957, max: 25_567 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))

describe('time zone names', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('America/New_York')).toBe(true)
    expect(isTimeZone('Beijing')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    expect(isTimeZone(8)).toBe(false)
  })
  it('gives a yuan brand Beijing time and others UTC', () => {
    expect(defaultTimeZoneFor('CNY')).toBe('Asia/Shanghai')
    expect(defaultTimeZoneFor('USD')).toBe('UTC')
  })
})

describe('Beijing days and months', () => {
  it('puts 15:59:59Z and 16:00:00Z on the last day of a month in different months', () => {
    expect(localDay('2026-11-30T15:59:59Z', 'Asia/Shanghai')).toBe('2026-11-30')
    expect(localDay('2026-11-30T16:00:00Z', 'Asia/Shanghai')).toBe('2026-12-01')
    expect(localMonth('2026-11-30T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-11')
    expect(localMonth('2026-11-30T16:00:00Z', 'Asia/Shanghai')).toBe('2026-12')
    expect(monthSpan('2026-11', 'Asia/Shanghai')).toEqual({
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z',
    })
  })
  it('writes times with their offset and reads wall times back', () => {
    expect(withOffset('2026-11-30T16:00:00Z', 'Asia/Shanghai')).toBe('2026-12-01T00:00:00+08:00')
    expect(withOffset('2026-03-08T06:59:59Z', 'America/New_York')).toBe('2026-03-08T01:59:59-05:00')
    expect(withOffset('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08T03:00:00-04:00')
    expect(withOffset('2026-03-08T07:00:00Z', 'UTC')).toBe('2026-03-08T07:00:00+00:00')
    expect(withOffset('2026-01-01T00:00:00Z', 'Asia/Kolkata')).toBe('2026-01-01T05:30:00+05:30')
    expect(toLocalWall('2026-11-30T16:00:00Z', 'Asia/Shanghai')).toBe('2026-12-01T00:00')
    expect(fromLocalWall('2026-12-01T00:00', 'Asia/Shanghai')).toBe('2026-11-30T16:00:00.000Z')
    expect(fromLocalWall('2026-02-30T00:00', 'Asia/Shanghai')).toBeUndefined()
    expect(fromLocalWall('soon', 'UTC')).toBeUndefined()
  })
  it('counts the last 30 local days', () => {
    const r = lastLocalDays(new Date('2026-11-30T16:30:00Z'), 30, 'Asia/Shanghai')
    expect(r.to).toBe('2026-12-01')
    expect(r.from).toBe('2026-11-02')
    expect(r.days).toHaveLength(30)
  })
})

describe('a zone that moves its clocks (America/New_York)', () => {
  it('has a 23-hour day in March and a 25-hour day in November', () => {
    expect(hoursIn('2026-03-08', 'America/New_York')).toBe(23)
    expect(hoursIn('2026-11-01', 'America/New_York')).toBe(25)
    expect(hoursIn('2026-03-09', 'America/New_York')).toBe(24)
    expect(daySpan('2026-03-08', 'America/New_York')).toEqual({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
    })
  })
  it('reads a wall time in the spring gap as the first instant after it, in the overlap as the earlier', () => {
    expect(fromLocalWall('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z')
    expect(fromLocalWall('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z')
  })
})

describe('properties', () => {
  it('an instant lies inside the span of its local day', () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const span = daySpan(localDay(t, z), z)
        return Date.parse(span.start) <= t && t < Date.parse(span.end)
      }),
    )
  })
  it('a day starts on itself, and the instant before belongs to the day before', () => {
    fc.assert(
      fc.property(day, zone, (d, z) => {
        const start = startOfDay(d, z)
        return localDay(start, z) === d && localDay(start - 1, z) === addDays(d, -1)
      }),
    )
  })
  it('days are 23, 24 or 25 hours long (Lord Howe: 23.5 or 24.5) and months tile without gaps', () => {
    fc.assert(
      fc.property(day, zone, (d, z) => {
        const h = hoursIn(d, z)
        const next = monthSpan(addDays(`${d.slice(0, 7)}-01`, 32).slice(0, 7), z)
        return [23, 23.5, 24, 24.5, 25].includes(h) && monthSpan(d.slice(0, 7), z).end === next.start
      }),
    )
  })
  it('wall time round trips: instant → wall → instant, and the offset string parses back to the instant', () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const minute = Math.floor(t / 60_000) * 60_000
        const back = Date.parse(fromLocalWall(toLocalWall(minute, z), z) ?? '')
        // In a fall-back overlap a wall time names two instants; the earlier is chosen.
        const sameWall = back === minute || (back < minute && toLocalWall(back, z) === toLocalWall(minute, z))
        return sameWall && Date.parse(withOffset(t, z)) === t && offsetMs(z, t) % 60_000 === 0
      }),
    )
  })
  it('a local month contains exactly the instants whose local month it is', () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const span = monthSpan(localMonth(t, z), z)
        return Date.parse(span.start) <= t && t < Date.parse(span.end)
      }),
    )
  })
})
