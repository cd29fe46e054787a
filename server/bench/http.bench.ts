import { type BenchResult, benchResult } from './benchResult.ts';
import { generateLoad, type LoadFigures } from './generateLoad.ts';
import { spawnTarget } from './spawnTarget.ts';

// A body the size of a typical event (a few fields, a short note).
const BODY = JSON.stringify({
  type: 'UPDATE_CONTEXT',
  payload: { patch: { level: 4, department: 'Platform', jobFamily: 'Engineering' } },
  note: 'Level agreed with the hiring manager after the calibration meeting.',
});

const ROUNDS = 2;

async function echoRate(target: 'rawEcho' | 'honoEcho'): Promise<LoadFigures> {
  const server = await spawnTarget(target);
  try {
    return await generateLoad({ url: server.url, request: () => ({ path: '/echo', body: BODY }) });
  } finally {
    await server.stop();
  }
}

/**
 * Figure (a): a bare Hono JSON POST route on @hono/node-server 2.x against a raw `node:http` JSON
 * echo doing the same work, each in its own process under 50 connections,
 * best of two alternating rounds.
 */
export async function benchJsonPost(): Promise<BenchResult[]> {
  // Alternating rounds, best of each: other processes on a shared machine steal from one run or the
  // other, and the best run is the one they disturbed least.
  let raw = 0;
  let hono = 0;
  for (let round = 0; round < ROUNDS; round++) {
    raw = Math.max(raw, (await echoRate('rawEcho')).requestsPerSecond);
    hono = Math.max(hono, (await echoRate('honoEcho')).requestsPerSecond);
  }
  return [
    benchResult(
      {
        name: '(a) bare Hono JSON POST route, 50 connections',
        value: hono,
        unit: 'req/s',
        baseline: raw,
        baselineLabel: 'raw node:http JSON echo',
        target: '>= 0.9x',
      },
      (_, ratio) => ratio >= 0.9,
    ),
  ];
}
