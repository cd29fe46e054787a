import type { ServerStore } from '../db/openServerStore.ts';
import { createOutboxWorker, type Engine, type SandboxManager } from '../runtime.ts';
import type { Delivery } from './createDelivery.ts';
import { createDigestJob } from './digestJob.ts';
import { releaseCaptured } from './effectRows.ts';

/**
 * The delivery loops: production effects through the production transports; effects of sandboxes
 * an admin switched to `deliver` through the same transports (with the sandbox's clock and engine,
 * so tickets open inside the sandbox); and the daily digest. Other sandboxes' effects are never sent.
 */
export function startDeliveryWorkers(options: {
  engine: Engine;
  store: ServerStore;
  delivery: Delivery;
  sandboxes?: SandboxManager | undefined;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  const { engine, delivery } = options;
  const production = createOutboxWorker({
    db: engine.db,
    clock: engine.clock,
    transport: delivery.transportFor({ db: engine.db, engine, clock: engine.clock }),
  });
  production.start(options.intervalMs);
  const digest = createDigestJob({ store: options.store, clock: engine.clock, email: delivery.email });

  let running: Promise<void> | undefined;
  const tick = async () => {
    for (const name of delivery.deliveringSandboxes()) {
      let sandbox: ReturnType<SandboxManager['get']>;
      try {
        if (!options.sandboxes) return;
        sandbox = options.sandboxes.get(name);
      } catch {
        continue; // deleted since it was switched to deliver
      }
      releaseCaptured(sandbox.db);
      const target = { db: sandbox.db, engine: sandbox.engine, clock: sandbox.clock, sandbox: name };
      await createOutboxWorker({ ...target, transport: delivery.transportFor(target) }).drain();
    }
    await digest.tick();
  };
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch((error: unknown) =>
        console.error('delivery: loop failed', error instanceof Error ? error.message : error),
      )
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs ?? 500);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await production.stop();
    },
  };
}
