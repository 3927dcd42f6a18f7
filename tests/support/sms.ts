import { readOutbox, type OutboxMessage } from '../../lib/sms/outbox'

/** The messages the local outbox holds for one number, oldest first. */
export const smsTo = async (phone: string): Promise<OutboxMessage[]> =>
  (await readOutbox()).filter((m) => m.to === phone)

/** The six-digit code of the last SMS to a number; throws when none was sent. */
export async function lastCodeFor(phone: string): Promise<string> {
  const last = (await smsTo(phone)).at(-1)
  const code = last ? /\b(\d{6})\b/.exec(last.text)?.[1] : undefined
  if (!code) throw new Error(`no sign-in code sent to ${phone}`)
  return code
}

/** A random mainland mobile number in E.164, so files and tests never share one. */
export const randomPhone = (): string => `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

/** A random documentation address (2001:db8::/32, its own /64), the per-address rate limits' subject. */
export const randomIp = (): string => {
  const group = () => Math.floor(Math.random() * 0xffff).toString(16)
  return `2001:db8:${group()}:${group()}::1`
}
