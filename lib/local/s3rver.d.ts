// s3rver ships no types; the part lib/local/s3-local.ts uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'
  export default class S3rver {
    constructor(opts: {
      address?: string
      port?: number
      directory: string
      silent?: boolean
      vhostBuckets?: boolean
      resetOnClose?: boolean
    })
    run(): Promise<AddressInfo>
    close(): Promise<void>
  }
}
