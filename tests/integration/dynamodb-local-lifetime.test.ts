import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { DYNAMODB_LOCAL_HEAP } from '../../lib/local/dynamodb-local'
import { isAlive } from '../../lib/local/stale-dynamodb-local'

const CHILD = join(import.meta.dirname, '../support/dynamodb-local-child.ts')
const dataDirs: string[] = []
const children: ChildProcess[] = []

/** Starts DynamoDB Local in a child Node process; resolves with what it printed (pid and endpoint, or an error). */
function startInChild(
  dataDir: string,
): Promise<{ child: ChildProcess; pid?: number; endpoint?: string; error?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) =>
      resolve({ child, ...(JSON.parse(line) as { pid?: number; endpoint?: string; error?: string }) }),
    )
  })
}

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ripple-dynamo-'))
  dataDirs.push(dir)
  return dir
}

/** Polls until `done()`; fails the test after `withinMs` rather than sleeping a fixed time. */
async function until(done: () => boolean, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')

/** Processes whose parent is `pid` (the JVM's watchdog is its child). */
function childrenOf(pid: number): number[] {
  const found: number[] = []
  for (const e of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(e))
    } catch {}
  }
  return found
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true })
})

// Two JVM starts in all: each takes 20–40 s on a loaded 2-core machine.
describe.runIf(process.platform === 'linux')('the DynamoDB Local JVM', () => {
  it('runs with a capped heap, refuses a second start, replaces a stale JVM and dies with its Node process', async () => {
    const dataDir = freshDataDir()
    const first = await startInChild(dataDir)
    expect(first.error).toBeUndefined()
    const stale = first.pid as number
    expect(DYNAMODB_LOCAL_HEAP).toMatch(/^-Xmx\d+m$/)
    expect(cmdline(stale)).toContain(DYNAMODB_LOCAL_HEAP)
    expect(cmdline(stale).some((a) => a.endsWith('DynamoDBLocal.jar'))).toBe(true)

    // A second start on the same data dir, while the first's owner lives: refused, naming the owner.
    const refused = await startInChild(dataDir)
    expect(refused.error).toContain(`already serving ${dataDir}`)
    expect(refused.error).toContain(`pid ${first.child.pid}`)
    expect(isAlive(stale)).toBe(true)

    // Leave an orphan as kill -9 did before the watchdog existed: its watchdog and its owner both gone.
    const watchdogs = childrenOf(stale)
    expect(watchdogs.length).toBe(1)
    for (const w of watchdogs) process.kill(w, 'SIGKILL')
    first.child.kill('SIGKILL')
    await until(() => first.child.signalCode !== null)
    expect(isAlive(stale)).toBe(true)

    // The next start kills the stale JVM and serves the data dir itself.
    const second = await startInChild(dataDir)
    expect(second.error).toBeUndefined()
    expect(isAlive(stale)).toBe(false)
    expect((await fetch(second.endpoint as string)).status).toBe(400)

    // kill -9 of the Node process: no exit handler runs, the watchdog takes the JVM down.
    const jvm = second.pid as number
    second.child.kill('SIGKILL')
    await until(() => !isAlive(jvm))
    expect(isAlive(jvm)).toBe(false)
  })
})
