import type { TestProject } from 'vitest/node'
import { readFileSync } from 'node:fs'
import { startDynamoLocal } from '../../lib/local/dynamodb-local'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
  }
}

/** The JVM's peak resident memory, to keep its heap cap honest (Linux only). */
function peakRss(pid: number): string | undefined {
  try {
    return /VmHWM:\s*(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  } catch {
    return undefined
  }
}

/** One DynamoDB Local (in memory) for the whole run; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal()
  project.provide('dynamoEndpoint', dynamo.endpoint)
  return async () => {
    const kb = peakRss(dynamo.pid)
    if (kb) console.log(`DynamoDB Local peak RSS: ${Math.round(Number(kb) / 1024)} MB`)
    await dynamo.stop()
  }
}
