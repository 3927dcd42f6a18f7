import { outboxSender } from './outbox'
import { snsSender } from './sns-sender'

/** One text message to one phone number (E.164). */
export interface SmsMessage {
  to: string
  text: string
}

/** What sends SMS: Amazon SNS on AWS, the local outbox under `npm start` and in the tests. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>
}

/**
 * The sender the environment names: `SMS_SENDER=sns` (set by the CDK stack on the API
 * function) publishes through Amazon SNS; anything else writes to the local outbox, so
 * a development machine never texts a real phone.
 * @example await smsSender().send({ to: '+8613800138000', text: '验证码 123456' })
 */
export function smsSender(): SmsSender {
  return process.env.SMS_SENDER === 'sns' ? snsSender() : outboxSender()
}
