import autocannon, { type Result } from 'autocannon'

export interface LoadRow {
  name: string
  connections: number
  rps: number
  p50: number
  p99: number
  redirects: number
  errors: number
  /** Anything that was neither a 302 nor a transport error (404s, 5xx). */
  otherStatus: number
}

/** One autocannon run against loopback, summarised. 3xx are counted from `statusCodeStats` (autocannon files them under non2xx). */
export async function load(
  name: string,
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadRow> {
  const r: Result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
    workers: 1,
    timeout: 10,
  })
  const byStatus = Object.entries(r.statusCodeStats)
  const redirects = r.statusCodeStats['302']?.count ?? 0
  const otherStatus = byStatus.filter(([s]) => s !== '302').reduce((n, [, v]) => n + v.count, 0)
  return {
    name,
    connections: opts.connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    redirects,
    errors: r.errors + r.timeouts,
    otherStatus,
  }
}

export function formatRows(rows: LoadRow[], extra: (r: LoadRow) => string = () => ''): string {
  const head = `${'run'.padEnd(24)} ${'conns'.padStart(5)} ${'rps'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'302s'.padStart(8)} ${'errors'.padStart(6)} ${'other'.padStart(6)}`
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(24)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.redirects).padStart(8)} ${String(r.errors).padStart(6)} ${String(r.otherStatus).padStart(6)}${extra(r)}`,
  )
  return [head, ...lines].join('\n')
}
