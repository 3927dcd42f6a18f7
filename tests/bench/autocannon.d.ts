// autocannon ships no types and @types/autocannon would be one more pinned devDependency for
// one script: this declares only what tests/bench uses (autocannon 8 result shape).
declare module 'autocannon' {
  export interface Options {
    url: string
    connections?: number
    duration?: number
    /** Fire requests from worker threads so the load generator does not share the server's event loop. */
    workers?: number
    headers?: Record<string, string>
    method?: string
    timeout?: number
  }
  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
    total: number
  }
  export interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    statusCodeStats: Record<string, { count: number }>
    latency: Histogram
    requests: Histogram & { sent: number }
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
