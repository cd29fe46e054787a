import autocannon from 'autocannon';

/** One request of a load: built per request, so paths and idempotency keys can vary. */
export interface LoadRequest {
  /** Default POST. */
  method?: 'GET' | 'POST';
  path: string;
  body: string;
  headers?: Record<string, string>;
}

/** What a load run measured. */
export interface LoadFigures {
  /** 2xx answers per second over the measured window. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Options of {@link generateLoad}. */
export interface LoadOptions {
  url: string;
  /** Builds the n-th POST. */
  request: (n: number) => LoadRequest;
  connections?: number;
  durationSeconds?: number;
  /** Untimed run first, so the JIT and the caches are warm when the clock runs (default 2 s). */
  warmupSeconds?: number;
}

/**
 * POSTs as fast as `connections` keep-alive connections allow (autocannon) and measures answers per
 * second and latency. Any non-2xx answer or connection error fails the run: a figure made of
 * refusals would mean nothing.
 */
export async function generateLoad(options: LoadOptions): Promise<LoadFigures> {
  let n = 0;
  const run = (seconds: number) =>
    autocannon({
      url: options.url,
      connections: options.connections ?? 50,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const built = options.request(n++);
            return {
              ...request,
              method: built.method ?? 'POST',
              path: built.path,
              body: built.method === 'GET' ? undefined : built.body,
              headers: { 'content-type': 'application/json', ...built.headers },
            };
          },
        },
      ],
    });
  const warmup = options.warmupSeconds ?? 2;
  if (warmup > 0) await run(warmup);
  const result = await run(options.durationSeconds ?? 5);
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(
      `${result.non2xx} non-2xx answers (${codes}) and ${result.errors} errors at ${options.url}`,
    );
  }
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
