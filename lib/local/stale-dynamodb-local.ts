import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** `$0` of the shell that execs the JVM (lib/local/dynamodb-local.ts); its watchdog subshell keeps that command line. */
export const WATCHDOG_NAME = 'ripple-dynamodb-local'

/** The file under a data dir naming the JVM serving it and the Node process that started it. */
export const PID_FILE = 'ripple-dynamodb-local.pid'

interface PidFile {
  jvm: number
  owner: number
}

/** True while a process with this pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  if (process.platform !== 'linux') return true
  try {
    // "pid (comm) S …": a zombie (Z) has exited and only waits to be reaped.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** Command lines by pid: /proc on Linux, `ps` elsewhere (macOS). */
function commandLines(): Map<number, string> {
  const lines = new Map<number, string>()
  if (process.platform === 'linux') {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        lines.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '))
      } catch {
        // Gone between the listing and the read.
      }
    }
    return lines
  }
  const ps = spawnSync('ps', ['-axww', '-o', 'pid=,command='], { encoding: 'utf8' })
  for (const line of ps.stdout?.split('\n') ?? []) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line)
    if (m?.[2]) lines.set(Number(m[1]), m[2])
  }
  return lines
}

/** DynamoDB Local JVMs whose `-dbPath` is `dataDir`, whoever started them (a pid file or not). */
export function jvmsServing(dataDir: string): number[] {
  const found: number[] = []
  for (const [pid, cmd] of commandLines())
    if (
      pid !== process.pid &&
      cmd.includes('DynamoDBLocal.jar') &&
      cmd.includes(` -dbPath ${dataDir}`) &&
      !cmd.includes(WATCHDOG_NAME)
    )
      found.push(pid)
  return found
}

function readPidFile(dataDir: string): PidFile | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, PID_FILE), 'utf8')) as PidFile
  } catch {
    return undefined
  }
}

/**
 * Before a JVM starts on `dataDir`: refuses if a live Ripple process still owns
 * the JVM serving it, and kills a JVM whose owner is gone (left by a `kill -9`
 * before the watchdog existed, or a watchdog that was itself killed), so two
 * engines never write the same files.
 */
export async function clearStaleJvm(dataDir: string): Promise<void> {
  const file = readPidFile(dataDir)
  for (const pid of jvmsServing(dataDir)) {
    if (file?.jvm === pid && file.owner !== process.pid && isAlive(file.owner))
      throw new Error(
        `DynamoDB Local (pid ${pid}) is already serving ${dataDir} for another Ripple process (pid ${file.owner}): stop that one first (Ctrl-C in its terminal, or kill ${file.owner}).`,
      )
    console.warn(`Killing a stale DynamoDB Local (pid ${pid}) left running on ${dataDir}.`)
    process.kill(pid, 'SIGKILL')
    await until(() => !isAlive(pid), 10_000, `stale DynamoDB Local (pid ${pid}) did not exit`)
  }
}

/** Records which JVM serves `dataDir` and which process owns it. */
export function writePidFile(dataDir: string, jvm: number): void {
  writeFileSync(join(dataDir, PID_FILE), JSON.stringify({ jvm, owner: process.pid } satisfies PidFile))
}

/** Removes the pid file if it still names this JVM. */
export function removePidFile(dataDir: string, jvm: number): void {
  const path = join(dataDir, PID_FILE)
  if (existsSync(path) && readPidFile(dataDir)?.jvm === jvm) rmSync(path, { force: true })
}

async function until(done: () => boolean, withinMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + withinMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(failure)
    await new Promise((r) => setTimeout(r, 50))
  }
}
