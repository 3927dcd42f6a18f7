import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import type { SmsSender } from './sender'

let client: SNSClient | undefined

/**
 * Amazon SNS `Publish` straight to a phone number (no topic), as a transactional SMS:
 * SNS routes those over the higher-deliverability path meant for one-time codes.
 * The client is made once per process and reused across warm invocations.
 */
export function snsSender(): SmsSender {
  client ??= new SNSClient({})
  const sns = client
  return {
    async send({ to, text }) {
      await sns.send(
        new PublishCommand({
          PhoneNumber: to,
          Message: text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          },
        }),
      )
    },
  }
}
