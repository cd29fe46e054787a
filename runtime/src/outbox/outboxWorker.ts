import type { Clock } from '../engine/index.ts';
import {
  claimDueEffects,
  type HireflowDb,
  markEffectDead,
  markEffectDelivered,
  markEffectFailed,
  type OutboxRetryPolicy,
} from '../store/index.ts';
import type { Transport } from './transports.ts';

export interface OutboxWorkerOptions {
  db: HireflowDb;
  clock: Clock;
  transport: Transport;
  policy?: Partial<OutboxRetryPolicy>;
  batchSize?: number;
}

/**
 * Delivers committed effects, at least once, after the transitions that produced them: claim a batch
 * (leased), deliver, mark delivered / retry later with backoff and jitter / dead-letter. Delivery never
 * touches instances, so it can neither block nor undo a transition.
 */
export function createOutboxWorker({ db, clock, transport, policy, batchSize = 50 }: OutboxWorkerOptions) {
  let running: Promise<number> | undefined;
  const drainOnce = async (): Promise<number> => {
    const batch = claimDueEffects(db, clock.now().getTime(), batchSize);
    for (const effect of batch) {
      const result = await transport(effect);
      const now = clock.now().getTime();
      if (result.ok) markEffectDelivered(db, effect.id, now);
      else if (result.permanent) markEffectDead(db, effect.id, result.error);
      else markEffectFailed(db, effect.id, { error: result.error, now, policy });
    }
    return batch.length;
  };
  /** Delivers everything due now; concurrent calls share one run. */
  const drain = async (): Promise<number> => {
    if (running) return running;
    running = (async () => {
      let total = 0;
      for (let n = await drainOnce(); n > 0; n = await drainOnce()) total += n;
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    drain,
    start(intervalMs = 500) {
      timer = setInterval(() => {
        drain().catch((error: unknown) =>
          console.error('outbox: delivery batch failed', error instanceof Error ? error.message : error),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
