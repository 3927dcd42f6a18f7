import { SETTLED_SHARDS } from '../db/ledger'
import { listBatchEntries, listLines, type Batch } from '../db/settlements'
import { BOM, row } from '../domain/csv'
import { currencyExponent, formatMajor } from '../domain/money'

const money = (minor: number, exponent: number) => ({ amount: formatMajor(minor, exponent) })

/**
 * export.csv, one row per paid-out distributor, produced a page at a time so
 * memory stays flat whatever the batch size. Lines come in distributor order,
 * so the same batch always exports the same bytes.
 */
export async function* batchCsv(batch: Batch): AsyncGenerator<string> {
  const exp = currencyExponent(batch.currency)
  yield BOM +
    row([
      'batch_id',
      'period',
      'distributor_id',
      'external_id',
      'name',
      'type',
      'payee_reference',
      'gross',
      'reversals',
      'net',
      'currency',
      'entries',
    ])
  let cursor: string | undefined
  do {
    const page = await listLines(batch.brandId, batch.batchId, cursor)
    let chunk = ''
    for (const l of page.items) {
      if (l.carriedForward) continue
      chunk += row([
        batch.batchId,
        batch.period,
        l.distributorId,
        String(l.externalId ?? ''),
        String(l.name ?? ''),
        String(l.type ?? ''),
        String(l.payeeReference ?? ''),
        money(l.gross, exp),
        money(l.reversals, exp),
        money(l.net, exp),
        batch.currency,
        l.entries,
      ])
    }
    if (chunk) yield chunk
    cursor = page.nextCursor
  } while (cursor)
}

/**
 * lines.csv, one row per ledger entry of the batch, shard after shard, each in
 * distributor order. No status column: the batch's content never changes, so
 * the export is the same bytes before and after it is paid.
 */
export async function* batchLinesCsv(batch: Batch): AsyncGenerator<string> {
  const exp = currencyExponent(batch.currency)
  yield BOM +
    row([
      'batch_id',
      'entry_id',
      'distributor_id',
      'order_id',
      'kind',
      'level',
      'base',
      'rate_bps',
      'fixed',
      'amount',
      'currency',
      'rule_id',
      'rule_version',
      'order_paid_at',
      'available_at',
    ])
  for (let shard = 0; shard < SETTLED_SHARDS; shard++) {
    let cursor: string | undefined
    do {
      const page = await listBatchEntries(batch.brandId, batch.batchId, shard, cursor, 500)
      const ordered = [...page.items]
      let chunk = ''
      for (const e of ordered) {
        chunk += row([
          batch.batchId,
          e.entryId,
          e.distributorId,
          e.orderId,
          e.kind,
          e.level,
          money(e.base, exp),
          e.bps ?? '',
          e.fixed === undefined ? '' : money(e.fixed, exp),
          money(e.amount, exp),
          e.currency,
          e.ruleId,
          e.ruleVersion,
          e.paidAt,
          e.availableAt,
        ])
      }
      if (chunk) yield chunk
      cursor = page.nextCursor
    } while (cursor)
  }
}
