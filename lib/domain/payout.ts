import type { PayoutDetails, PayoutMasked } from '../schemas/payout'

/**
 * The payout details as every answer and page shows them: the holder's first
 * character and the account's last four, never the whole of either.
 * @example maskPayout({ accountName: '王芳', account: '6222021234', channel: 'bank' }, t).account === '****1234'
 */
export function maskPayout(p: PayoutDetails, updatedAt: string): PayoutMasked {
  const name = [...p.accountName]
  return {
    channel: p.channel,
    accountName: `${name[0] ?? ''}${'*'.repeat(Math.max(1, name.length - 1))}`,
    account: `****${p.account.slice(-4)}`,
    hasId: !!p.idNumber,
    updatedAt,
  }
}

/**
 * The export's `payee_reference`: where finance sends the money, in one cell.
 * @example payeeReferenceOf({ accountName: '王芳', account: 'wx_wangfang', channel: 'wechat' }) === 'wechat:wx_wangfang 王芳'
 */
export const payeeReferenceOf = (p: PayoutDetails): string => `${p.channel}:${p.account} ${p.accountName}`
