import { startDynamoLocal } from '../../lib/local/dynamodb-local'

// Run as a child process by tests/integration/dynamodb-local-lifetime.test.ts: starts DynamoDB Local on the data dir
// given as argv[2], prints its pid and endpoint as one JSON line, then idles until it is killed.
const dataDir = process.argv[2]
try {
  const dynamo = await startDynamoLocal(dataDir ? { dataDir } : {})
  console.log(JSON.stringify({ pid: dynamo.pid, endpoint: dynamo.endpoint }))
  setInterval(() => {}, 60_000)
} catch (err) {
  console.log(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }))
  process.exit(1)
}
