import { db } from '../../lib/db/client'

/**
 * Counts what DynamoDB returns while `fn` runs: a pass-through spy on the one
 * document client's `send` (every request still reaches DynamoDB Local; nothing
 * is mocked). Items are those in Query/Scan pages, BatchGet responses and GetItem.
 * @example const { items } = await countReads(() => call('GET', '/api/reports/ripple?…'))
 */
export async function countReads<T>(fn: () => Promise<T>): Promise<{ result: T; items: number; requests: number }> {
  const client = db()
  const send = client.send.bind(client)
  let items = 0
  let requests = 0
  client.send = (async (command: Parameters<typeof send>[0], ...rest: unknown[]) => {
    const out = (await (send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest)) as {
      Items?: unknown[]
      Item?: unknown
      Responses?: Record<string, unknown[]>
    }
    requests++
    items +=
      (out.Items?.length ?? 0) +
      (out.Item ? 1 : 0) +
      Object.values(out.Responses ?? {}).reduce((n, xs) => n + xs.length, 0)
    return out
  }) as typeof client.send
  try {
    return { result: await fn(), items, requests }
  } finally {
    client.send = send
  }
}
