import { statSync } from 'node:fs';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { HireflowDb } from '../runtime.ts';

/** Seconds buckets from 1 ms to 10 s: HTTP requests and engine steps both live in this range. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];
/** Timer lateness: the scheduler polls every 250 ms, so most land under a second. */
const LATENESS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** The server's Prometheus metrics, in their own registry (tests start many servers per process). */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly stepDuration: Histogram<'operation' | 'outcome'>;
  readonly engineEvents: Counter<'operation' | 'outcome'>;
  readonly timerLateness: Histogram;
}

/**
 * Creates the registry. Gauges that describe the database (outbox depth by status, timers due, WAL
 * size) are read at scrape time with indexed queries, so they cost nothing between scrapes.
 */
export function createMetrics(db: HireflowDb, now: () => number): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hireflow_process_' });
  const httpRequests = new Counter({
    name: 'hireflow_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'hireflow_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (until the response headers; SSE streams excluded)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const stepDuration = new Histogram({
    name: 'hireflow_engine_step_duration_seconds',
    help: 'Engine step latency (start or send, one transaction each), by outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const engineEvents = new Counter({
    name: 'hireflow_engine_events_total',
    help: 'Instance starts and events processed by the engine (rate() gives events/s)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const timerLateness = new Histogram({
    name: 'hireflow_timer_firing_lateness_seconds',
    help: 'How long after its due time the scheduler fired a timer',
    buckets: LATENESS_BUCKETS,
    registers: [registry],
  });
  registerDatabaseGauges(registry, db, now);
  return { registry, httpRequests, httpDuration, stepDuration, engineEvents, timerLateness };
}

function registerDatabaseGauges(registry: Registry, db: HireflowDb, now: () => number): void {
  const outboxByStatus = db.sqlite.prepare('select status, count(*) as n from outbox group by status');
  const timersDue = db.sqlite.prepare(
    "select count(*) as n, min(due_at) as oldest from timers where status = 'armed' and due_at <= ?",
  );
  new Gauge({
    name: 'hireflow_outbox_effects',
    help: 'Effects in the outbox by delivery status (pending = queue depth, dead = parked after the last attempt)',
    labelNames: ['status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const row of outboxByStatus.all() as { status: string; n: number }[]) {
        this.set({ status: row.status }, row.n);
      }
    },
  });
  new Gauge({
    name: 'hireflow_outbox_dead_effects',
    help: 'Effects parked as dead (need an admin to retry or discard them)',
    registers: [registry],
    collect() {
      const rows = outboxByStatus.all() as { status: string; n: number }[];
      this.set(rows.find((r) => r.status === 'dead')?.n ?? 0);
    },
  });
  const readDue = () => {
    const at = now();
    return { at, ...(timersDue.get(at) as { n: number; oldest: number | null }) };
  };
  new Gauge({
    name: 'hireflow_timers_due',
    help: 'Armed timers whose due time has passed (the scheduler has not fired them yet)',
    registers: [registry],
    collect() {
      this.set(readDue().n);
    },
  });
  new Gauge({
    name: 'hireflow_timers_overdue_seconds',
    help: 'Age of the oldest due but unfired timer (0 when none is due)',
    registers: [registry],
    collect() {
      const { at, oldest } = readDue();
      this.set(oldest === null ? 0 : Math.max(0, (at - oldest) / 1000));
    },
  });
  new Gauge({
    name: 'hireflow_sqlite_wal_bytes',
    help: 'Size of the SQLite write-ahead log file (grows when checkpoints fall behind)',
    registers: [registry],
    collect() {
      try {
        this.set(statSync(`${db.file}-wal`).size);
      } catch {
        this.set(0); // no WAL file: nothing is waiting to be checkpointed
      }
    },
  });
}
