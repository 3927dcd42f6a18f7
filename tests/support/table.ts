import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb'
import { expect } from 'vitest'
import { db } from '../../lib/db/client'
import { tableName } from '../../lib/db/table'

/** One stored item read back by its full key, consistently (tests only). */
export async function rawItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const r = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))
  return r.Item
}

/**
 * Every item of this test file's own table but rate-limit counters, as sorted JSON
 * lines. Tests only: a before/after comparison proves a refused request wrote nothing else.
 */
export async function tableSnapshot(): Promise<string[]> {
  const out: string[] = []
  let start: Record<string, unknown> | undefined
  do {
    const r = await db().send(
      new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start, ConsistentRead: true }),
    )
    // Rate-limit windows (RATE#…) are the one write a refused request makes by design: counting refusals is their point.
    for (const item of r.Items ?? [])
      if (!String(item.pk).startsWith('RATE#'))
        out.push(JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))))
    start = r.LastEvaluatedKey
  } while (start)
  return out.sort()
}

/** Asserts the Ripple error shape `{ error: { code, message, fields? } }` with this status and code. */
export function expectError(r: { status: number; body: any }, status: number, code: string, fields?: string[]): void {
  expect({ status: r.status, code: r.body?.error?.code }, JSON.stringify(r.body)).toEqual({ status, code })
  expect(typeof r.body.error.message).toBe('string')
  expect(r.body.error.message.length).toBeGreaterThan(0)
  for (const f of fields ?? [])
    expect(r.body.error.fields, `fields.${f} in ${JSON.stringify(r.body)}`).toHaveProperty([f])
}
