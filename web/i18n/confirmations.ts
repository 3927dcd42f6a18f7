import type { Lang } from './lang'

/**
 * What the console's confirmations say before an action that cannot be undone
 * (web/client/shared/confirm-dialog.ts), naming who and how much it touches.
 * Amounts arrive already formatted in the page's money format.
 */
const zh = {
  cancel: '取消',
  irreversible: '此操作不可撤销。',
  suspend: {
    title: (name: string) => `暂停分销员「${name}」？`,
    consequences: (name: string) => [
      `${name} 将立即退出所有设备，且不能再登录。`,
      '暂停期间其链接和客户的订单不再给其计佣。',
      '已入账的佣金不变；之后可以重新启用。',
    ],
    ok: '确认暂停',
  },
  deactivateProduct: {
    title: (name: string) => `停用商品「${name}」？`,
    consequences: (name: string, sku: string) => [
      `${name}（${sku}）将从分销员的商品列表中移除，不能再生成新的推广链接。`,
      '已分享的链接仍跳转到商品页；之后可以重新启用。',
    ],
    ok: '确认停用',
  },
  closePeriod: {
    title: (period: string) => `结算 ${period} 期？`,
    consequences: (period: string, payees: number, net: string, carried: number) => [
      `${period} 期的佣金将被锁定为结算批次，共 ${payees} 位收款人，应付合计 ${net}。`,
      `${carried} 位未达到结算门槛或信息不全的分销员结转到下期。`,
      '结算后本期的佣金不能再修改，退款将计入下期。',
    ],
    ok: '确认结算',
  },
  markPaid: {
    title: (batch: string) => `将批次 ${batch} 标记为已付款？`,
    consequences: (batch: string, payees: number, total: string) => [
      `批次 ${batch}：${payees} 位收款人，合计 ${total}。`,
      '请确认这些款项已经实际付出：分销员将看到这些佣金已到账。',
    ],
    ok: '确认已付款',
  },
  handover: {
    title: (leaver: string, successor: string) => `由「${successor}」接手「${leaver}」的工作？`,
    consequences: (leaver: string, successor: string, customers: string, recruits: string) => [
      `${leaver} 将被标记为已离职，立即停止获得佣金。`,
      `${customers} 位绑定客户改绑给 ${successor}，之后的订单由 ${successor} 获得佣金。`,
      `${recruits} 位直接下级（连同各自的团队）转到 ${successor} 名下。`,
      '历史佣金不变。',
    ],
    ok: '确认交接',
  },
  atLeast: (n: number) => `至少 ${n}`,
}

export type ConfirmationsText = typeof zh

const en: ConfirmationsText = {
  cancel: 'Cancel',
  irreversible: 'This cannot be undone.',
  suspend: {
    title: (name) => `Suspend ${name}?`,
    consequences: (name) => [
      `${name} is signed out on every device at once and cannot sign in.`,
      'While suspended, orders through their links and customers earn them nothing.',
      'Commissions already recorded stay; you can reactivate them later.',
    ],
    ok: 'Suspend',
  },
  deactivateProduct: {
    title: (name) => `Deactivate ${name}?`,
    consequences: (name, sku) => [
      `${name} (${sku}) leaves the distributors' product list; no new share links can be made for it.`,
      'Links already shared still lead to the product page; you can reactivate it later.',
    ],
    ok: 'Deactivate',
  },
  closePeriod: {
    title: (period) => `Close period ${period}?`,
    consequences: (period, payees, net, carried) => [
      `${period}'s commissions are locked into a settlement batch: ${payees} payees, ${net} payable in total.`,
      `${carried} distributors below the payout threshold or missing details are carried forward.`,
      "The period's commissions cannot change once it is closed; refunds go to the next period.",
    ],
    ok: 'Close the period',
  },
  markPaid: {
    title: (batch) => `Mark batch ${batch} as paid?`,
    consequences: (batch, payees, total) => [
      `Batch ${batch}: ${payees} payees, ${total} in total.`,
      'Confirm the money has actually been paid: distributors will see these commissions as paid.',
    ],
    ok: 'Mark paid',
  },
  handover: {
    title: (leaver, successor) => `Hand ${leaver}'s work over to ${successor}?`,
    consequences: (leaver, successor, customers, recruits) => [
      `${leaver} is marked as left and stops earning at once.`,
      `${customers} bound customers are rebound to ${successor}; their future orders pay ${successor}.`,
      `${recruits} direct recruits (each with their whole team) move under ${successor}.`,
      'Past commissions do not change.',
    ],
    ok: 'Hand over',
  },
  atLeast: (n) => `at least ${n}`,
}

export const confirmationsText = (lang: Lang): ConfirmationsText => (lang === 'en' ? en : zh)
