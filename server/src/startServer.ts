import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { startAuditAnchor } from './audit/startAuditAnchor.ts';
import { ensureFirstAdmin, type FirstAdminOutcome } from './auth/ensureFirstAdmin.ts';
import { openServerStore, type ServerStore } from './db/openServerStore.ts';
import { createDelivery, type Delivery } from './delivery/createDelivery.ts';
import { readDeliveryConfig } from './delivery/deliveryConfig.ts';
import { startDeliveryWorkers } from './delivery/startDeliveryWorkers.ts';
import type { AppDeps } from './http/appEnv.ts';
import { instrumentEngine } from './ops/instrumentEngine.ts';
import { createMetrics } from './ops/metrics.ts';
import { createReadiness } from './ops/readiness.ts';
import { parseRetentionPolicy, startRetention } from './privacy/retention.ts';
import {
  type Clock,
  createEngine,
  createGroupCommitter,
  createSandboxManager,
  type Engine,
  type HireflowDb,
  openDatabase,
  type SchedulerObserver,
  SystemClock,
  startMaintenance,
  startScheduler,
} from './runtime.ts';
import { serveDesigner } from './static/serveDesigner.ts';

/** Options of {@link startServer}. */
export interface StartServerOptions
  extends Omit<
    AppDeps,
    'db' | 'store' | 'engine' | 'committer' | 'sandboxes' | 'metrics' | 'readiness' | 'shutdown'
  > {
  dbFile: string;
  /**
   * Group commit for `POST /api/instances/:id/events` (default true): events arriving within
   * `groupCommitDelayMs` (default 2) share one FULL-durability transaction, each acknowledged only
   * after it committed. `false` commits every event in its own transaction.
   */
  groupCommit?: boolean;
  groupCommitDelayMs?: number;
  /** Default the system clock; tests pass a ManualClock and fire timers themselves. */
  clock?: Clock;
  /** Run the scheduler and outbox loops (default true). */
  workers?: boolean;
  /** 0 picks a free port (tests). */
  port: number;
  hostname?: string;
  designerDist?: string;
  env?: { HIREFLOW_ADMIN_EMAIL?: string; HIREFLOW_ADMIN_PASSWORD?: string };
  /** Effect delivery's environment (`HIREFLOW_SMTP_URL`, … see `delivery/deliveryConfig.ts`); default none. */
  deliveryEnv?: Record<string, string | undefined>;
  /** How often the delivery loops run (default 500 ms). */
  deliveryIntervalMs?: number;
  /** Prometheus metrics at `/metrics` (default true; the bench turns them off for its baseline). */
  metrics?: boolean;
  /** `close` cuts connections still open after this long (default 10 s). */
  shutdownTimeoutMs?: number;
}

/** A running server: its URL, database, first-admin outcome, and a graceful `close`. */
export interface RunningServer {
  /** The Hono app (its `routes` are what the authorization-matrix test enumerates). */
  app: ReturnType<typeof createApp>;
  url: string;
  port: number;
  db: HireflowDb;
  store: ServerStore;
  engine: Engine;
  firstAdmin: FirstAdminOutcome;
  designerServed: boolean;
  /** Effect delivery: its channels (configured or not, with reasons) for the start-up message. */
  delivery: Delivery;
  close(): Promise<void>;
}

/**
 * Opens the database, creates the first admin if needed, and listens. `close` stops accepting
 * connections, lets in-flight requests finish (each write is one synchronous transaction, so none is
 * ever half-done), then closes the database.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const db = openDatabase(options.dbFile);
  const store = openServerStore(db);
  const clock = options.clock ?? new SystemClock();
  const deliveryConfig = readDeliveryConfig(options.deliveryEnv ?? {});
  const metrics = options.metrics === false ? undefined : createMetrics(db, () => clock.now().getTime());
  // Publishing refuses webhook URLs the outbound policy refuses (internal addresses unless allowed).
  const bareEngine = createEngine({ db, clock, outboundAllow: deliveryConfig.outboundAllow });
  const engine = metrics ? instrumentEngine(bareEngine, metrics) : bareEngine;
  const shutdown = new AbortController();
  // Signed tree heads over the audit log, published to a witness directory outside the database.
  const auditAnchor = startAuditAnchor(engine, dirname(options.dbFile), process.env, {
    schedule: options.workers !== false,
    ...(options.logger ? { log: options.logger } : {}),
  });
  const committer =
    options.groupCommit === false
      ? undefined
      : createGroupCommitter(engine, { maxDelayMs: options.groupCommitDelayMs ?? 2 });
  const firstAdmin = await ensureFirstAdmin(store, options.env ?? {}, clock.now().getTime());
  // Sandboxes live beside the production file (`<data dir>/sandboxes/`), each its own database.
  const sandboxes = createSandboxManager(dirname(options.dbFile), { start: () => clock.now() });
  let serverUrl = '';
  const delivery = createDelivery({
    store,
    sandboxes,
    config: deliveryConfig,
    serverUrl: () => serverUrl,
  });
  let heartbeat: number | 'disabled' | 'stopped' = options.workers === false ? 'disabled' : Date.now();
  const readiness = createReadiness({
    db,
    workerHeartbeat: () => heartbeat,
    shuttingDown: () => shutdown.signal.aborted,
  });
  const app = createApp({
    ...options,
    db,
    store,
    engine,
    committer,
    sandboxes,
    delivery,
    metrics,
    readiness,
    shutdown: shutdown.signal,
  });
  const workers =
    options.workers === false
      ? undefined
      : startWorkers(
          engine,
          { store, delivery, sandboxes, intervalMs: options.deliveryIntervalMs },
          {
            onTick: (at) => {
              heartbeat = at;
            },
            onFired: (lateMs) => metrics?.timerLateness.observe(Math.max(0, lateMs) / 1000),
          },
        );
  const designerServed = options.designerDist ? serveDesigner(app, options.designerDist) : false;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  serverUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    store,
    engine,
    firstAdmin,
    designerServed,
    delivery,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Event streams end on this signal; whatever is still open at the deadline is cut.
        shutdown.abort();
        const deadline = setTimeout(
          () => (server as { closeAllConnections?: () => void }).closeAllConnections?.(),
          options.shutdownTimeoutMs ?? 10_000,
        );
        deadline.unref();
        // A stream that just ended leaves its socket idle in keep-alive: close those as they appear.
        const sweep = setInterval(
          () => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.(),
          50,
        );
        sweep.unref();
        server.close((error) => {
          clearTimeout(deadline);
          clearInterval(sweep);
          heartbeat = 'stopped';
          Promise.resolve(workers?.stop())
            // Requests still waiting for their batch are answered before the database goes.
            .then(() => committer?.flush())
            .then(() => sandboxes.closeAll())
            .then(() => auditAnchor.stop())
            .then(() => db.close())
            .then(() => (error ? reject(error) : resolve()), reject);
        });
        // Idle keep-alive sockets would hold `close` open forever.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}

/**
 * The scheduler fires due timers through the engine; the delivery workers send effects through the
 * configured transports (`undeliverable` with a reason where none is configured); retention erases and
 * prunes on its policy (`HIREFLOW_RETENTION`). Maintenance checkpoints the WAL on a timer: the store
 * turns SQLite's auto-checkpoint off, so without it the WAL grows with every commit and every write
 * gets slower.
 */
function startWorkers(
  engine: Engine,
  deliveryDeps: Omit<Parameters<typeof startDeliveryWorkers>[0], 'engine'>,
  observer: SchedulerObserver = {},
): { stop(): Promise<void> } {
  const scheduler = startScheduler(engine, 250, observer);
  const maintenance = startMaintenance({ db: engine.db, clock: engine.clock });
  const delivery = startDeliveryWorkers({ engine, ...deliveryDeps });
  const retention = startRetention(
    engine,
    deliveryDeps.store,
    parseRetentionPolicy(process.env.HIREFLOW_RETENTION),
  );
  return {
    async stop() {
      retention.stop();
      scheduler.stop();
      maintenance.stop();
      await delivery.stop();
    },
  };
}
