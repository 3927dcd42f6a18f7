import type { ConsoleRole } from '../../lib/auth/console-session'
import type { Lang } from './lang'

/**
 * The text of the console's frame (title, nav, sign-out), its sign-in form and a
 * finance key's home, in Chinese (the default) and English. The nav's own labels
 * live beside its links in ConsoleLayout.
 */
const zh = {
  consoleName: 'Ripple 控制台',
  navLabel: '控制台',
  signOut: '退出',
  // Sign-in
  signInTitle: '登录',
  signInHeading: '品牌方登录',
  signInIntro: '粘贴品牌的 API 密钥（管理员或财务）。',
  apiKey: 'API 密钥',
  signIn: '登录',
  badKey: '密钥无效。',
  // A finance key's home
  signedInAs: '已登录为',
  roles: { admin: '管理员', finance: '财务' } as Record<ConsoleRole, string>,
  settlements: '结算',
  dashboardNeedsAdmin: '数据看板需要管理员密钥。',
  // The programme at a glance
  programme: '分销计划',
  levels: '层级',
  defaultRates: '默认佣金',
  binding: '绑定期',
  bindingForever: '永久',
  bindingFor: (days: number, policy: 'first' | 'last') =>
    `${days} 天（${policy === 'first' ? '首次绑定优先' : '最新点击优先'}）`,
  hold: '冻结期',
  days: (n: number) => `${n} 天`,
  selfPurchase: '自购',
  selfAllow: '允许，计佣',
  selfDeny: '不计佣',
  currency: '币种',
  payoutThreshold: '结算门槛',
  recruitType: '邀请加入的默认类型',
  allowedDomains: '允许的域名',
}

export type ConsoleText = typeof zh

const en: ConsoleText = {
  consoleName: 'Ripple Console',
  navLabel: 'Console',
  signOut: 'Sign out',
  signInTitle: 'Sign in',
  signInHeading: 'Brand sign-in',
  signInIntro: 'Paste your brand API key (admin or finance).',
  apiKey: 'API key',
  signIn: 'Sign in',
  badKey: 'That API key is not valid.',
  signedInAs: 'Signed in as',
  roles: { admin: 'admin', finance: 'finance' },
  settlements: 'Settlements',
  dashboardNeedsAdmin: 'The dashboard needs an admin key.',
  programme: 'Programme',
  levels: 'Levels',
  defaultRates: 'Default rates',
  binding: 'Binding',
  bindingForever: 'Permanent',
  bindingFor: (days, policy) => `${days} days (${policy === 'first' ? 'first click wins' : 'last click wins'})`,
  hold: 'Hold',
  days: (n) => `${n} days`,
  selfPurchase: 'Self-purchase',
  selfAllow: 'Allowed, earns commission',
  selfDeny: 'Earns no commission',
  currency: 'Currency',
  payoutThreshold: 'Payout threshold',
  recruitType: 'Type for people who join by invite',
  allowedDomains: 'Allowed domains',
}

export const consoleText = (lang: Lang): ConsoleText => (lang === 'en' ? en : zh)

/** The frame's words on a page not yet in one language: both at once, so it reads in either. */
export const bilingualFrame: Pick<ConsoleText, 'consoleName' | 'navLabel' | 'signOut'> = {
  consoleName: 'Ripple 控制台 Console',
  navLabel: '控制台 Console',
  signOut: '退出 Sign out',
}
