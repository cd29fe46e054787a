import { type BenchResult, benchResult } from './benchResult.ts';
import { generateLoad } from './generateLoad.ts';
import { spawnTarget, type TargetReady } from './spawnTarget.ts';

interface ObservedReady extends TargetReady {
  token: string;
}

const ROUNDS = 2;

async function rate(mode: 'observed' | 'bare'): Promise<number> {
  const server = await spawnTarget<ObservedReady>('observedServer', [mode]);
  try {
    const headers = { authorization: `Bearer ${server.ready.token}` };
    const figures = await generateLoad({
      url: server.url,
      request: () => ({ method: 'GET', path: '/api/workflows', body: '', headers }),
    });
    return figures.requestsPerSecond;
  } finally {
    await server.stop();
  }
}

/**
 * Request overhead of the access log (pino, one JSON line per request to a file), request ids and
 * Prometheus HTTP metrics: an authenticated `GET /api/workflows` (a cheap route, so the overhead is
 * as visible as it gets) with them against the same server without, best of alternating rounds.
 */
export async function benchObservability(): Promise<BenchResult[]> {
  let bare = 0;
  let observed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    bare = Math.max(bare, await rate('bare'));
    observed = Math.max(observed, await rate('observed'));
  }
  return [
    benchResult(
      {
        name: 'access log + metrics, GET /api/workflows, 50 connections',
        value: observed,
        unit: 'req/s',
        baseline: bare,
        baselineLabel: 'same server without log and metrics',
        target: '>= 0.95x (overhead <= 5 %)',
      },
      (_, ratio) => ratio >= 0.95,
    ),
  ];
}
