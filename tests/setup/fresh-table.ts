import { inject } from 'vitest'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { ensureTable } from '../../lib/db/create-table'
import { ensureMediaBucket } from '../../lib/storage/media-bucket'

// Runs at the top of every integration and browser test file, before any client is made.
const endpoint = inject('dynamoEndpoint')
if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(endpoint)) {
  throw new Error(`Refusing to run tests against a non-local DynamoDB endpoint: ${endpoint}`)
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
process.env.DYNAMODB_ENDPOINT = endpoint
process.env.TABLE_NAME = `test_${randomBytes(6).toString('hex')}`
process.env.SIGNING_SECRET = randomBytes(32).toString('base64url')
process.env.ADMIN_TOKEN = `rpl_platform_${randomBytes(16).toString('base64url')}`
const s3Endpoint = inject('s3Endpoint')
if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(s3Endpoint)) {
  throw new Error(`Refusing to run tests against a non-local S3 endpoint: ${s3Endpoint}`)
}
process.env.S3_ENDPOINT = s3Endpoint
process.env.MEDIA_BUCKET = `test-${randomBytes(6).toString('hex')}`
delete process.env.PUBLIC_BASE_URL
// Each file's SMS go to its own outbox (lib/sms/outbox.ts), never to SNS.
delete process.env.SMS_SENDER
process.env.SMS_OUTBOX_FILE = `${tmpdir()}/ripple-sms-${process.env.TABLE_NAME}.jsonl`
await Promise.all([ensureTable(process.env.TABLE_NAME), ensureMediaBucket(process.env.MEDIA_BUCKET)])
