import { startLocal } from '../lib/local/start'
import { holdRelease } from './jobs'

// `npm start`: every app on one port against DynamoDB Local, the jobs and the stream pump (lib/local/start.ts).
await startLocal({ holdRelease })
