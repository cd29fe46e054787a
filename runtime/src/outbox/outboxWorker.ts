import type { Clock } from '../engine/index.ts';
import {
  claimDueEffects,
  type HireflowDb,
  markEffectDead,
  markEffectDelivered,
  markEffectFailed,
  markEffectUndeliverable,
  type OutboxRetryPolicy,
  type OutboxRow,
} from '../store/index.ts';
import type { DeliveryResult, Transport } from './transports.ts';

export interface OutboxWorkerOptions {
  db: HireflowDb;
  clock: Clock;
  transport: Transport;
  policy?: Partial<OutboxRetryPolicy>;
  /** Deliveries in flight at once (default 16): one slow receiver does not hold up the others. */
  concurrency?: number;
  /** How long a claimed effect stays leased to this worker (default 60 s; longer than any timeout). */
  leaseMs?: number;
  /** Called when a run fails outside any delivery (e.g. the database is gone). Default: console.error. */
  onError?: (error: unknown) => void;
}

/** Applies one attempt's result to its row. */
function record(
  db: HireflowDb,
  effect: OutboxRow,
  result: DeliveryResult,
  now: number,
  policy?: Partial<OutboxRetryPolicy>,
) {
  if (result.ok) markEffectDelivered(db, effect.id, now, result.detail);
  else if ('undeliverable' in result) markEffectUndeliverable(db, effect.id, result.error);
  else if (result.permanent) markEffectDead(db, effect.id, result.error);
  else markEffectFailed(db, effect.id, { error: result.error, now, policy });
}

/** Calls the transport; a throw or a non-result is a failed attempt with a message, never a crash. */
async function attempt(transport: Transport, effect: OutboxRow): Promise<DeliveryResult> {
  try {
    const result = await transport(effect);
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: `transport for ${effect.type} returned no result` };
  } catch (error) {
    return {
      ok: false,
      error: `transport for ${effect.type} threw: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Delivers committed effects, at least once, after the transitions that produced them. Effects are
 * claimed (leased) as slots free up and delivered with bounded concurrency; each result is recorded
 * honestly — delivered (the transport confirmed), retried later with backoff and jitter, dead
 * (permanent failure or last attempt), or undeliverable (no transport for the channel). Results that
 * complete together are written in one transaction. Delivery never touches instances, so it can
 * neither block nor undo a transition; several workers can share a database (leases keep them apart).
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, clock, transport, policy, concurrency = 16, leaseMs = 60_000 } = options;
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error('outbox: delivery run failed:', error instanceof Error ? error.message : String(error)));

  // One transaction per round: record the results that came in and claim as many effects as slots
  // are free. A round waits until half the slots are free (or nothing is in flight), so each commit
  // (one fsync) carries many results, not one.
  const runOnce = async (): Promise<number> => {
    const inFlight = new Set<Promise<void>>();
    const done: [OutboxRow, DeliveryResult][] = [];
    const refill = Math.max(1, Math.floor(concurrency / 2));
    let total = 0;
    for (;;) {
      const results = done.splice(0);
      const claimed = db.transaction(() => {
        const now = clock.now().getTime();
        for (const [effect, result] of results) record(db, effect, result, now, policy);
        return claimDueEffects(db, now, concurrency - inFlight.size, leaseMs);
      });
      total += claimed.length;
      for (const effect of claimed) {
        const delivery: Promise<void> = attempt(transport, effect).then((result) => {
          done.push([effect, result]);
          inFlight.delete(delivery);
        });
        inFlight.add(delivery);
      }
      if (inFlight.size === 0) return total;
      do await Promise.race(inFlight);
      while (inFlight.size > 0 && concurrency - inFlight.size < refill);
    }
  };

  let running: Promise<number> | undefined;
  let again = false;
  /** Delivers everything due now; a call during a run makes that run look again before it ends. */
  const drain = (): Promise<number> => {
    again = true;
    if (running) return running;
    running = (async () => {
      let total = 0;
      while (again) {
        again = false;
        total += await runOnce();
      }
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    drain,
    /** Polls every `intervalMs` (default 500 ms); call {@link drain} after a commit to deliver sooner. */
    start(intervalMs = 500) {
      timer = setInterval(() => {
        drain().catch(onError);
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
