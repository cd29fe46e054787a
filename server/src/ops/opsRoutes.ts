import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { safeEqual } from '../auth/secretToken.ts';
import { findTokenUser } from '../db/apiTokens.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { Problem } from '../schemas/common.ts';
import type { ReadinessReport } from './readiness.ts';

const Health = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }).openapi('Health');
const Check = z.object({ ok: z.boolean(), detail: z.string() });
const Readiness = z
  .object({
    ready: z.boolean(),
    checks: z.object({ database: Check, migrations: Check, workers: Check }),
  })
  .openapi('Readiness');

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the process is up and answering',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
});
const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: database writable, migrations applied, workers running',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Readiness } } },
    503: {
      description: 'Not ready; the failing checks say why',
      content: { 'application/json': { schema: Readiness } },
    },
  },
});
const metrics = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics (bearer: HIREFLOW_METRICS_TOKEN or an admin API token)',
  responses: {
    200: {
      description: 'Prometheus text exposition format',
      content: { 'text/plain': { schema: z.string() } },
    },
    401: { description: 'No or wrong token', content: { 'application/problem+json': { schema: Problem } } },
    404: { description: 'Metrics disabled', content: { 'application/problem+json': { schema: Problem } } },
  },
});

/**
 * `/healthz`, `/readyz` and `/metrics`, outside `/api` so load balancers and Prometheus reach them
 * without a session. Health says nothing about the data; metrics are aggregates without personal
 * data, but still show load and failures, so they need a token.
 */
export function opsRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const started = performance.now();
  app.openapi(healthz, (c) =>
    c.json({ status: 'ok' as const, uptimeSeconds: Math.round((performance.now() - started) / 1000) }, 200),
  );
  app.openapi(readyz, (c) => {
    const report: ReadinessReport = deps.readiness?.() ?? {
      ready: false,
      checks: {
        database: { ok: false, detail: 'no readiness probe configured' },
        migrations: { ok: false, detail: 'unknown' },
        workers: { ok: false, detail: 'unknown' },
      },
    };
    c.header('cache-control', 'no-store');
    return report.ready ? c.json(report, 200) : c.json(report, 503);
  });
  app.openapi(metrics, async (c) => {
    if (deps.metrics === undefined) throw new ProblemError('NOT_FOUND', 'Metrics are disabled');
    if (!mayReadMetrics(c, deps)) {
      throw new ProblemError(
        'UNAUTHENTICATED',
        'Send HIREFLOW_METRICS_TOKEN or an admin API token as a bearer token',
        {
          headers: { 'www-authenticate': 'Bearer realm="hireflow-metrics"' },
        },
      );
    }
    const body = await deps.metrics.registry.metrics();
    return c.text(body, 200, { 'content-type': deps.metrics.registry.contentType });
  });
  return app;
}

function mayReadMetrics(c: Context, deps: AppDeps): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const token = match?.[1];
  if (token === undefined) return false;
  if (deps.metricsToken !== undefined && safeEqual(token, deps.metricsToken)) return true;
  const user = findTokenUser(deps.store, token);
  return user !== undefined && user.deactivatedAt === null && user.roles.includes('admin');
}
