import { describe, expect, it, vi } from 'vitest'
import { marshall } from '@aws-sdk/util-dynamodb'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { pumpOnce } from '../../lib/local/stream-pump'
import { countStreamChanges } from '../../lib/services/count-stream-changes'
import { clickBucket, DEDUPE_MINUTES, findRecentClick, recordClick, type Visit } from '../../lib/db/clicks'
import { getLink, type LinkRecord } from '../../lib/db/links'
import { LINK_SHARDS, linkScope, sumCounters } from '../../lib/db/counters'
import { readRingDays } from '../../lib/db/report-counters'
import { toTableChange, type StreamRecord } from '../../lib/db/stream-records'
import { getStreamCheckpoint, putStreamCheckpoint } from '../../lib/db/stream-checkpoints'
import { getRecords, latestStreamArn, listShards, shardIterator } from '../../lib/local/dynamodb-streams'
import { tableName } from '../../lib/db/table'
import { db } from '../../lib/db/client'
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { applyChunks, chunkUpdates, counterUpdates } from '../../lib/db/counter-writes'
import { counterDeltas, type TableChange } from '../../lib/domain/counter-deltas'

const MIN = 60_000
const BUCKET_MS = DEDUPE_MINUTES * MIN

async function newLink(url: string): Promise<LinkRecord> {
  const { adminKey } = await newBrand()
  const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
  const r = await call('POST', '/api/links', { token: await sessionOf(adminKey, d.id), body: { url } })
  expect(r.status).toBe(201)
  return (await getLink(String(r.body.code))) as LinkRecord
}

const ringDayClicks = async (brandId: string, day: string, ring: number, type: string) =>
  (await readRingDays(brandId, day, day)).find((r) => r.ring === ring && r.type === type)?.clicks
const linkClicks = async (code: string) =>
  (await sumCounters([linkScope(code)], LINK_SHARDS, 'total', 'clicks')).get(linkScope(code)) ?? 0
const countedAfterPump = async (code: string) => {
  await pumpOnce()
  return linkClicks(code)
}

/** A click as the redirect records it at `now`: the previous-bucket read, then the conditional put. */
async function clickAt(link: LinkRecord, visitorId: string, now: number) {
  const visit: Visit = { code: link.code, visitorId, uaClass: 'wechat' }
  return recordClick(visit, link, { now, recent: await findRecentClick(link.code, visitorId, now) })
}

describe('click dedupe (30 minutes, sliding)', () => {
  // The start of a bucket an hour ago, so every moment in the tests is in the past.
  const bucketStart = (clickBucket(Date.now()) - 2) * BUCKET_MS

  it('counts the same visitor twice in one bucket once, with the same click id', async () => {
    const link = await newLink('https://shop.example.com/p/d1')
    const first = await clickAt(link, 'V000000000000001', bucketStart + 1 * MIN)
    const again = await clickAt(link, 'V000000000000001', bucketStart + 20 * MIN)
    expect(first).toEqual({ counted: true, clickId: expect.stringMatching(/^c_[A-Za-z0-9_-]{22}$/) })
    expect(again).toEqual({ counted: false, clickId: first.clickId })
    expect(await countedAfterPump(link.code)).toBe(1)
  })

  it('counts a repeat across a bucket boundary once when it is within 30 minutes of the counted click', async () => {
    const link = await newLink('https://shop.example.com/p/d2')
    const v = 'V000000000000002'
    const first = await clickAt(link, v, bucketStart - 10 * MIN)
    const across = await clickAt(link, v, bucketStart + 5 * MIN)
    expect(across).toEqual({ counted: false, clickId: first.clickId })
    // 35 minutes after the counted click: a new count, even though the previous bucket has a click.
    const later = await clickAt(link, v, bucketStart + 25 * MIN)
    expect(later.counted).toBe(true)
    expect(later.clickId).not.toBe(first.clickId)
    // And the window now runs from that click, across the next boundary.
    const next = await clickAt(link, v, bucketStart + 40 * MIN)
    expect(next).toEqual({ counted: false, clickId: later.clickId })
    expect(await countedAfterPump(link.code)).toBe(2)
  })

  it('keeps visitors and links apart', async () => {
    const link = await newLink('https://shop.example.com/p/d3')
    const other = await newLink('https://shop.example.com/p/d4')
    const t = bucketStart + 3 * MIN
    const a = await clickAt(link, 'V000000000000003', t)
    const b = await clickAt(link, 'V000000000000004', t)
    const c = await clickAt(other, 'V000000000000003', t)
    expect([a.counted, b.counted, c.counted]).toEqual([true, true, true])
    expect(new Set([a.clickId, b.clickId, c.clickId]).size).toBe(3)
    expect(await countedAfterPump(link.code)).toBe(2)
    expect(await linkClicks(other.code)).toBe(1)
  })
})

describe('counters from the stream', () => {
  it('counts 20 concurrent new visitors (no cookie) 20 times, and by brand day, ring and type', async () => {
    const link = await newLink('https://shop.example.com/p/c1')
    const rs = await Promise.all(
      Array.from({ length: 20 }, () => call('GET', `/s/${link.code}`, { headers: { 'user-agent': PHONE_UA } })),
    )
    expect(rs.map((r) => r.status)).toEqual(Array(20).fill(302))
    expect(await linkClicks(link.code)).toBe(0) // counters lag the redirect until the stream is read
    expect(await countedAfterPump(link.code)).toBe(20)
    const day = new Date().toISOString().slice(0, 10)
    expect(await ringDayClicks(link.brandId, day, link.ring, link.type)).toBe(20)
    // A second pass finds nothing new.
    await pumpOnce()
    expect(await linkClicks(link.code)).toBe(20)
  })

  /** Stream records as Lambda would deliver them, for clicks that exist only in the batch. */
  const batch = (firstSeq: bigint, codes: string[], brandId = 'b_retry'): StreamRecord[] =>
    codes.map((code, i) => {
      const image = {
        pk: `CLICK#c_${code}_${i}`,
        sk: 'META',
        entity: 'click',
        clickId: `c_${code}_${i}`,
        code,
        brandId,
        distributorId: 'd_retry',
        ring: 1,
        type: 'guide',
        visitorId: `V${i}`,
        uaClass: 'wechat',
        at: '2026-11-25T10:00:00.000Z',
      }
      return {
        eventName: 'INSERT',
        dynamodb: {
          Keys: marshall({ pk: image.pk, sk: image.sk }),
          NewImage: marshall(image),
          SequenceNumber: String(firstSeq + BigInt(i)).padStart(21, '0'),
        },
      }
    })

  it('counts a retried batch (the same records twice) once', async () => {
    const records = batch(900_000_000_000_000_000n, ['RetryOne', 'RetryOne', 'RetryTwo'])
    expect(await countStreamChanges(records)).toMatchObject({ clicks: 3, applied: 1, skipped: 0 })
    expect(await countStreamChanges(records)).toMatchObject({ clicks: 3, applied: 0, skipped: 1 })
    expect(await linkClicks('RetryOne')).toBe(2)
    expect(await linkClicks('RetryTwo')).toBe(1)
  })

  it('applies a big batch in chunks, and a retry after a partial failure applies only the missing chunks', async () => {
    const codes = Array.from({ length: 100 }, (_, i) => `Chunk${String(i).padStart(3, '0')}`)
    const records = batch(910_000_000_000_000_000n, codes, 'b_chunks')
    // 100 links, 1 ring/type row, 1 distributor-day item, 1 active set → 103 updates → chunks of 90 and 13. Apply the first alone, as a crash would leave it.
    const deltas = counterDeltas(records.map(toTableChange).filter((c): c is TableChange => c !== undefined))
    const chunks = chunkUpdates(counterUpdates(deltas))
    expect(chunks.map((c) => c.length)).toEqual([90, 13])
    await applyChunks(records[0]!.dynamodb!.SequenceNumber!, chunks, 0)
    expect(await countStreamChanges(records)).toMatchObject({ clicks: 100, applied: 1, skipped: 1 })
    const totals = await sumCounters(codes.map(linkScope), LINK_SHARDS, 'total', 'clicks')
    expect([...totals.values()]).toEqual(Array(100).fill(1))
    expect(await ringDayClicks('b_chunks', '2026-11-25', 1, 'guide')).toBe(100)
  })
})

describe('the local stream pump', () => {
  it('reads any item the table holds, including empty maps (which DynamoDB Local streams as `{}`)', async () => {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { pk: 'TEST#empty-map', sk: 'META', settings: {}, nested: { inner: {} } },
      }),
    )
    await expect(pumpOnce()).resolves.toMatchObject({ clicks: 0 })
  })

  it('after a crash mid-batch, a restart replays exactly that batch and then reads on: nothing lost, nothing twice', async () => {
    const link = await newLink('https://shop.example.com/p/pump')
    const now = Date.now()
    for (const v of ['P000000000000001', 'P000000000000002']) await clickAt(link, v, now)
    expect(await countedAfterPump(link.code)).toBe(2)

    // Two more clicks; a pump "crashes" after applying their batch but before checkpointing past it.
    for (const v of ['P000000000000003', 'P000000000000004']) await clickAt(link, v, now)
    const arn = (await latestStreamArn(tableName())) as string
    const [shard] = await listShards(arn)
    const { after } = await getStreamCheckpoint(shard!.ShardId)
    const page = await getRecords(await shardIterator(arn, shard!.ShardId, after))
    const crashed = page.Records ?? []
    await putStreamCheckpoint(shard!.ShardId, { after, inFlightLast: crashed.at(-1)?.dynamodb?.SequenceNumber })
    expect((await countStreamChanges(crashed)).clicks).toBe(2)
    expect(await linkClicks(link.code)).toBe(4)

    // Written after the crash: on restart the replayed batch must not swallow it (or its markers would skip it).
    await clickAt(link, 'P000000000000005', now)
    vi.resetModules()
    const restarted = (await import('../../lib/local/stream-pump')) as typeof import('../../lib/local/stream-pump')
    await restarted.pumpOnce()
    expect(await linkClicks(link.code)).toBe(5)
    expect((await getStreamCheckpoint(shard!.ShardId)).inFlightLast).toBeUndefined()
  })
})
