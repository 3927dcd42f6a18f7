import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { SmsMessage, SmsSender } from './sender'

/** Where the local outbox lives: `SMS_OUTBOX_FILE`, else `.data/sms-outbox.jsonl`. */
export const outboxFile = (): string => resolve(process.env.SMS_OUTBOX_FILE ?? '.data/sms-outbox.jsonl')

/** A message as the outbox keeps it: one JSON line each, with when it was sent. */
export interface OutboxMessage extends SmsMessage {
  at: string
}

/**
 * The local stand-in for SMS: each message is printed on the console (so `npm start`
 * shows the code to type) and appended to the outbox file, where tests read it.
 */
export function outboxSender(): SmsSender {
  return {
    async send({ to, text }) {
      const file = outboxFile()
      const line: OutboxMessage = { to, text, at: new Date().toISOString() }
      await mkdir(dirname(file), { recursive: true })
      await appendFile(file, `${JSON.stringify(line)}\n`)
      console.log(`SMS to ${to}: ${text}`)
    },
  }
}

/**
 * Every message in the outbox, oldest first (none when it does not exist yet).
 * @example (await readOutbox()).filter((m) => m.to === '+8613800138000').at(-1)?.text
 */
export async function readOutbox(file = outboxFile()): Promise<OutboxMessage[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return ''
    throw err
  })
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OutboxMessage)
}
