import type { ServerStore } from '../db/openServerStore.ts';
import type { Delivery } from '../delivery/createDelivery.ts';
import type { Logger } from '../ops/logger.ts';
import type { ServerMetrics } from '../ops/metrics.ts';
import type { ReadinessReport } from '../ops/readiness.ts';
import type { Engine, GroupCommitter, HireflowDb, SandboxManager } from '../runtime.ts';
import type { Principal } from './principal.ts';

/** What the app is built from: the open database, the server's tables, the engine and options. */
export interface AppDeps {
  db: HireflowDb;
  store: ServerStore;
  /** The durable engine over `db`; its clock is the server's clock too (sessions, rate limits). */
  engine: Engine;
  /**
   * When set, `POST /api/instances/:id/events` queues its event here: one transaction (one fsync)
   * per batch instead of per request, answered only after the batch has committed.
   */
  committer?: GroupCommitter | undefined;
  /** Named sandboxes beside the production database (none: the sandbox routes answer 404). */
  sandboxes?: SandboxManager | undefined;
  /** Effect delivery (channels, transports); the delivery routes answer 404 without it. */
  delivery?: Delivery | undefined;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Largest accepted webhook body in bytes (default 512 KiB); larger ones are logged as `oversized`. */
  webhookBodyLimitBytes?: number;
  /** Session lifetime (default 12 h). */
  sessionTtlMs?: number;
  /**
   * Requests per minute per client on login, token and webhook routes (default 10 / 30 / 600), and
   * starts + events per minute per signed-in user (`events`, default 600).
   */
  rateLimits?: { login?: number; tokens?: number; webhooks?: number; events?: number };
  /** Reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed (default 0). */
  trustProxyHops?: number;
  /** Always mark the session cookie `Secure` (the public URL is https). */
  secureCookies?: boolean;
  /** Structured logs (default: none written). */
  logger?: Logger;
  /** Prometheus metrics served at `/metrics` (none: `/metrics` answers 404). */
  metrics?: ServerMetrics;
  /** A bearer token that may read `/metrics` besides admins' API tokens. */
  metricsToken?: string | undefined;
  /** What `/readyz` reports (none: only the database probe). */
  readiness?: () => ReadinessReport;
  /** Aborted when the server shuts down: event streams end so connections can close. */
  shutdown?: AbortSignal;
}

/** Hono's environment for every route: the authenticated principal, once authorization ran. */
export interface AppEnv {
  Variables: { principal: Principal; requestId: string };
}
