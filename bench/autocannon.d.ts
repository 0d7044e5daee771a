/** The part of autocannon's programmatic API the bench uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p97_5: number
    p99: number
  }

  interface Result {
    latency: Histogram & { totalCount: number }
    requests: Histogram & { total: number; sent: number }
    errors: number
    timeouts: number
    non2xx: number
    duration: number
  }

  interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    amount?: number
    headers?: Record<string, string>
    /** Worker threads firing the requests, so the load generator does not share the server's event loop. */
    workers?: number
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
