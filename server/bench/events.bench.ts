import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, openDatabase, SystemClock } from '../src/runtime.ts';
import { type BenchResult, benchResult } from './benchResult.ts';
import { generateLoad, type LoadFigures } from './generateLoad.ts';
import { BENCH_ACTOR, seedRequisitions, updateLevel } from './seedRequisitions.ts';
import { spawnTarget, type TargetReady } from './spawnTarget.ts';

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1000);

/** The runtime's durable rate in this process: engine.send in a loop, one event per transaction. */
function inProcessDurableRate(ms: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-bench-'));
  const db = openDatabase(join(dir, 'hireflow.db'));
  try {
    const engine = createEngine({ db, clock: new SystemClock() });
    const ids = seedRequisitions(engine, INSTANCES);
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      const result = engine.send(ids[n % ids.length] as string, updateLevel(n), { actor: BENCH_ACTOR });
      if (!result.ok) throw new Error(result.message);
      n += 1;
    }
    return (n * 1000) / (performance.now() - start);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ServerReady extends TargetReady {
  token: string;
  instanceIds: string[];
}

/** UPDATE_CONTEXT events over HTTP, spread over every instance, each with its own Idempotency-Key. */
async function serverEventRate(mode: 'direct' | 'group'): Promise<LoadFigures> {
  const server = await spawnTarget<ServerReady>('hireflowServer', [mode]);
  const { token, instanceIds } = server.ready;
  try {
    return await generateLoad({
      url: server.url,
      request: (n) => ({
        path: `/api/instances/${instanceIds[n % instanceIds.length]}/events`,
        body: JSON.stringify(updateLevel(n)),
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${mode}-${n}` },
      }),
    });
  } finally {
    await server.stop();
  }
}

/**
 * Figures (b) and (c): `POST /api/instances/:id/events` through auth (API token), validation,
 * idempotency and a FULL-durability commit, against a real server on a real port, 50 connections.
 * Without group commit it is judged against the runtime's in-process durable rate measured just
 * before; with group commit against absolute goals (and beside the one-transaction-per-event server).
 */
export async function benchEvents(): Promise<BenchResult[]> {
  const inProcess = inProcessDurableRate(3000);
  const direct = await serverEventRate('direct');
  const grouped = await serverEventRate('group');
  return [
    benchResult(
      {
        name: '(b) POST events, auth + validation + idempotency, commit per event',
        value: direct.requestsPerSecond,
        unit: 'req/s',
        baseline: inProcess,
        baselineLabel: 'in-process engine.send, 1 event/tx',
        target: '>= 0.8x',
      },
      (_, ratio) => ratio >= 0.8,
    ),
    benchResult(
      {
        name: '(c) POST events with group commit',
        value: grouped.requestsPerSecond,
        unit: 'req/s',
        baseline: direct.requestsPerSecond,
        baselineLabel: 'same route, commit per event',
        target: '>= 16,000 req/s',
      },
      (value) => value >= 16_000,
    ),
    benchResult(
      {
        name: '(c) POST events with group commit: p99 latency, 50 connections',
        value: grouped.p99Ms,
        unit: 'ms',
        baseline: direct.p99Ms,
        baselineLabel: 'same route, commit per event',
        target: '<= 20 ms',
      },
      (value) => value <= 20,
    ),
  ];
}
