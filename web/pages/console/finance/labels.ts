import type { BatchStatus } from '../../../../lib/db/settlements'

/** A batch's status as the console names it. */
export const STATUS_LABELS: Record<BatchStatus, string> = {
  closing: '结账中 Closing',
  closed: '已结账 Closed',
  paying: '付款中 Paying',
  paid: '已付款 Paid',
}

/** Why a distributor's net was carried forward to the next batch. */
export const REASON_LABELS: Record<string, string> = {
  below_threshold: '低于起付额 Below threshold',
  negative: '净额为负 Negative net',
}

/** The page's own CSS on top of the console's. */
export const financeCss = `
.ok{color:#1b7f3b;font-weight:600}
.bad{color:#b00020;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.inline-form{display:flex;gap:8px;align-items:end;flex-wrap:wrap}
.inline-form .field{margin:0;min-width:12rem}
.inline-form label{display:block;font-size:.9rem;margin-bottom:4px}
progress{width:100%}
`
