import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from './logger.ts';
import type { ServerMetrics } from './metrics.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Probes and scrapes come every few seconds: they go to the debug level, not the access log. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Options of {@link observeRequests}. */
export interface ObserveRequestsOptions {
  logger: Logger;
  metrics?: ServerMetrics | undefined;
}

/**
 * The access log and the HTTP metrics: one JSON line per request with the method, the route
 * TEMPLATE (`/api/instances/:id`, never the concrete path, whose ids or query could be personal),
 * status, duration and request id. Run after Hono's request-id middleware.
 */
export function observeRequests({ logger, metrics }: ObserveRequestsOptions): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = performance.now() - started;
      const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
      const route = routeTemplate(c);
      const status = c.res.status;
      metrics?.httpRequests.inc({ method, route, status });
      metrics?.httpDuration.observe({ method, route, status }, ms / 1000);
      const line = {
        reqId: c.get('requestId') as string,
        method,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
      };
      if (QUIET_PATHS.has(c.req.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    }
  };
}

/**
 * The template of the handler route that matched (`/api/instances/:id`), also when a middleware
 * answered first (401, 429): the first matched route that is neither a middleware nor a wildcard
 * (the designer's SPA fallback). `unmatched` for 404s, so labels stay a bounded set.
 */
function routeTemplate(c: Parameters<MiddlewareHandler>[0]): string {
  const handler = matchedRoutes(c).find((route) => route.method !== 'ALL' && !route.path.endsWith('*'));
  return handler?.path ?? 'unmatched';
}
