import { isbot } from 'isbot'

export type UaClass = 'bot' | 'wechat' | 'mobile' | 'desktop'

/**
 * A coarse class of the client, enough for reports and for not counting bots
 * (the maintained `isbot` list, plus WeChat's own link-preview fetcher).
 */
export function uaClass(userAgent: string | undefined): UaClass {
  const ua = userAgent ?? ''
  if (!ua || isbot(ua)) return 'bot'
  if (/MicroMessenger|wxwork/i.test(ua)) return 'wechat'
  if (/Mobile|Android|iPhone|iPad/i.test(ua)) return 'mobile'
  return 'desktop'
}
