import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import S3rver from 's3rver'

export interface LocalS3 {
  endpoint: string
  stop: () => Promise<void>
}

/**
 * A real S3-compatible server (s3rver) for `npm start` and the tests: the same
 * @aws-sdk/client-s3 code talks to it through `S3_ENDPOINT` (lib/storage/media-bucket.ts).
 * Port 0 picks a free port.
 * @example const s3 = await startS3Local({ directory: '.data/s3' }); process.env.S3_ENDPOINT = s3.endpoint
 */
export async function startS3Local(opts: { directory: string; port?: number }): Promise<LocalS3> {
  mkdirSync(opts.directory, { recursive: true })
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    directory: opts.directory,
    silent: true,
    vhostBuckets: false,
  })
  const address = (await server.run()) as AddressInfo
  return { endpoint: `http://127.0.0.1:${address.port}`, stop: () => server.close() }
}
