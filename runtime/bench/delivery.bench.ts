import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SystemClock } from '../src/engine/index.ts';
import { createGuardedFetch } from '../src/outbox/guardedFetch.ts';
import { parseOutboundAllow } from '../src/outbox/outboundPolicy.ts';
import { createOutboxWorker } from '../src/outbox/outboxWorker.ts';
import { createWebhookTransport, generateWebhookSecret } from '../src/outbox/webhookTransport.ts';
import { countEffectsByStatus, enqueueEffect, type HireflowDb } from '../src/store/index.ts';
import { openTempDatabase } from '../src/store/openTempDatabase.ts';
import { seedInstance } from '../src/store/repositories/testFixtures.ts';
import type { BenchResult } from './benchResult.ts';

const CONCURRENCY = 16;
/** In flight for the lag test: more than the pool's sockets, so each round (one fsync) records more results. */
const LAG_CONCURRENCY = 64;
const allow = parseOutboundAllow('127.0.0.1');

/** A local receiver that reads the body and answers 204, noting when each webhook-id arrived. */
async function startReceiver() {
  const arrivedAt = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      if (typeof id === 'string') arrivedAt.set(id, Date.now());
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, arrivedAt, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function enqueue(db: HireflowDb, url: string, keys: string[], now: number) {
  db.transaction(() => {
    for (const key of keys)
      enqueueEffect(db, {
        instanceId: 'i1',
        effectKey: key,
        type: 'hireflow.webhook',
        payload: { url, event: 'bench' },
        now,
      });
  });
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? 0;

/**
 * Effects delivered per second by the outbox worker (claim, sign with standardwebhooks, guarded
 * fetch, record the result) to a local HTTP receiver, beside the same receiver hit directly by a
 * loop of POSTs with the same number in flight and the same fetch. Then outbox lag (commit →
 * arrival) p99 while effects are committed at 1,000/s, with the worker woken after each commit
 * (`drain()`) and with polling only (every 100 ms), beside the p99 of the same load POSTed directly
 * (fired every 10 ms through the same pool), so a receiver slower than 1,000/s shows in both.
 */
export async function benchDelivery(): Promise<BenchResult[]> {
  const receiver = await startReceiver();
  const temp = openTempDatabase();
  try {
    const { db } = temp;
    seedInstance(db);
    const secret = generateWebhookSecret();
    const guarded = createGuardedFetch({ allow, connections: CONCURRENCY });
    const transport = createWebhookTransport({ secret, allow, fetch: guarded });
    const body = JSON.stringify({ type: 'bench', timestamp: new Date().toISOString(), data: {} });
    const post = async () => {
      const response = await guarded(receiver.url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      await response.arrayBuffer();
    };

    const n = 3000;
    for (let i = 0; i < 200; i++) await post(); // warm the connection pool
    let started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < n) await post();
      }),
    );
    const directRate = (n * 1000) / (performance.now() - started);

    const clock = new SystemClock();
    const worker = createOutboxWorker({ db, clock, transport, concurrency: CONCURRENCY });
    enqueue(
      db,
      receiver.url,
      Array.from({ length: 200 }, (_, i) => `warm${i}`),
      Date.now(),
    );
    await worker.drain();
    enqueue(
      db,
      receiver.url,
      Array.from({ length: n }, (_, i) => `t${i}`),
      Date.now(),
    );
    started = performance.now();
    const delivered = await worker.drain();
    const workerRate = (delivered * 1000) / (performance.now() - started);
    if (countEffectsByStatus(db).delivered !== n + 200)
      throw new Error('not every bench effect was delivered');

    // Lag at 1,000 effects/s: 10 effects committed every 10 ms for 3 s.
    const lag = async (prefix: string, wake: boolean) => {
      const keys: { key: string; at: number }[] = [];
      const poller = createOutboxWorker({ db, clock, transport, concurrency: LAG_CONCURRENCY });
      if (!wake) poller.start(100);
      for (let tick = 0; tick < 300; tick++) {
        const at = Date.now();
        const batch = Array.from({ length: 10 }, (_, i) => `${prefix}${tick}:${i}`);
        enqueue(db, receiver.url, batch, at);
        for (const key of batch) keys.push({ key, at });
        if (wake) void poller.drain();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await poller.drain();
      await poller.stop();
      return p99(keys.map(({ key, at }) => (receiver.arrivedAt.get(key) ?? Number.NaN) - at));
    };
    const lagWake = await lag('w', true);
    const lagPoll = await lag('p', false);
    // The same offered load posted directly (no outbox): 10 POSTs fired every 10 ms through the pool.
    const directLags: number[] = [];
    const pending: Promise<void>[] = [];
    for (let tick = 0; tick < 300; tick++) {
      for (let i = 0; i < 10; i++) {
        const at = Date.now();
        pending.push(post().then(() => void directLags.push(Date.now() - at)));
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(pending);
    const directP99 = Math.max(p99(directLags), 1);

    return [
      {
        name: 'direct POST loop to a local receiver (16 in flight)',
        value: directRate,
        unit: 'req/s',
        baseline: directRate,
        ratio: 1,
      },
      {
        name: 'outbox worker → signed webhooks vs direct loop',
        value: workerRate,
        unit: 'effects/s',
        baseline: directRate,
        ratio: workerRate / directRate,
        target: '>= 0.5x',
        met: workerRate / directRate >= 0.5,
      },
      {
        name: 'outbox lag p99 at 1,000 effects/s (64 in flight), woken per commit, vs direct POSTs at 1,000/s',
        value: lagWake,
        unit: 'ms',
        baseline: directP99,
        ratio: lagWake / directP99,
      },
      {
        name: 'outbox lag p99 at 1,000 effects/s (64 in flight), polling every 100 ms, vs direct POSTs at 1,000/s',
        value: lagPoll,
        unit: 'ms',
        baseline: directP99,
        ratio: lagPoll / directP99,
      },
    ];
  } finally {
    await receiver.close();
    temp.dispose();
  }
}
