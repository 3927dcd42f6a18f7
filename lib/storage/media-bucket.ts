import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'

/**
 * The one place Ripple talks to S3: the private media bucket that holds product
 * images. `MEDIA_BUCKET` names it (the CDK stack sets it on the functions that
 * use it); `S3_ENDPOINT` points the same client at s3rver locally and in tests
 * (lib/local/s3-local.ts), path-style, with fixed credentials it accepts.
 */
export function s3ClientConfig(env: NodeJS.ProcessEnv = process.env): S3ClientConfig {
  const endpoint = env.S3_ENDPOINT
  if (!endpoint) return {}
  return {
    endpoint,
    forcePathStyle: true,
    region: env.AWS_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver predates the SDK's default CRC32 trailers (aws-chunked bodies); send plain bodies to it.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

let client: S3Client | undefined

/** The shared client, made on first use (so tests set `S3_ENDPOINT` first) and reused across warm invocations. */
export function s3(): S3Client {
  client ??= new S3Client(s3ClientConfig())
  return client
}

/** The media bucket's name; a function without `MEDIA_BUCKET` was not granted one. */
export function mediaBucket(): string {
  const name = process.env.MEDIA_BUCKET
  if (!name) throw new Error('MEDIA_BUCKET is not set')
  return name
}

/** Writes one object. */
export async function putMedia(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: mediaBucket(), Key: key, Body: body, ContentType: contentType }))
}

/** One object's bytes and type, or undefined when there is no such key. */
export async function getMedia(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
  try {
    const r = await s3().send(new GetObjectCommand({ Bucket: mediaBucket(), Key: key }))
    if (!r.Body) return undefined
    return { body: await r.Body.transformToByteArray(), contentType: r.ContentType ?? 'application/octet-stream' }
  } catch (err) {
    if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return undefined
    throw err
  }
}

/** Deletes objects by key (at most 1,000, one request); missing keys are not an error. */
export async function deleteMedia(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return
  await s3().send(
    new DeleteObjectsCommand({
      Bucket: mediaBucket(),
      Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
    }),
  )
}

/** Creates the bucket unless it exists: for s3rver (npm start, tests); on AWS the stack owns it. */
export async function ensureMediaBucket(name: string = mediaBucket()): Promise<void> {
  try {
    await s3().send(new HeadBucketCommand({ Bucket: name }))
  } catch {
    await s3().send(new CreateBucketCommand({ Bucket: name }))
  }
}
