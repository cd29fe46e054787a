import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { logAccess } from '../db/accessLog.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canWriteUnit, type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { toRoutingView, toStoreRouting } from '../rollout/routingViews.ts';
import {
  changeRouting,
  comparePilot,
  getVersion,
  type WorkflowRouting,
  type WorkflowRow,
} from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { RoutingSchema } from '../schemas/rollout.ts';
import { loadWorkflow } from '../workflows/workflowAccess.ts';

const tags = ['routing'];
const Change = z.object({ routing: RoutingSchema, previous: RoutingSchema });

const get = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/routing',
  tags,
  summary: 'Which version new instances start on: default, and the pilot with its audience',
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ routing: RoutingSchema }), 'Routing'), ...problemResponses },
});
const put = createRoute({
  method: 'put',
  path: '/api/workflows/{id}/routing',
  tags,
  summary: 'Set the default version and the pilot (running instances stay pinned)',
  request: { params: IdParams, body: jsonBody(RoutingSchema) },
  responses: { 200: jsonResponse(Change, 'Changed'), ...problemResponses },
});
const promote = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/routing/promote',
  tags,
  summary: 'Make the pilot version the default for everyone',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Change, 'Promoted'), ...problemResponses },
});
const rollback = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/routing/rollback',
  tags,
  summary: 'Drop the pilot: new instances all start on the default again',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Change, 'Rolled back'), ...problemResponses },
});
const comparison = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/pilot-comparison',
  tags,
  summary: 'Pilot and default cohorts side by side (time in stage, SLA breaches, drop-off, approvals)',
  request: { params: IdParams },
  responses: {
    200: jsonResponse(
      z.object({ default: z.unknown().nullable(), pilot: z.unknown().nullable() }),
      'Cohort statistics',
    ),
    ...problemResponses,
  },
});

/** Pilot routing: read, set, promote, roll back (each change in the access log), and the comparison. */
export function routingRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store, engine } = deps;
  const writable = (principal: Principal, id: string): WorkflowRow => {
    const row = loadWorkflow(store, principal, id);
    if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
    return row;
  };
  /** Stores the new routing and its access-log line in one transaction. */
  const change = (principal: Principal, row: WorkflowRow, routing: WorkflowRouting, action: string) =>
    store.db.transaction(() => {
      const previous = changeRouting(engine.db, engine.clock, row.id, routing, toEngineActor(principal));
      logAccess(store, { userId: principal.user.id, action, target: `workflow:${row.id}`, now: now() });
      return {
        routing: toRoutingView(engine.db, routing),
        previous: toRoutingView(engine.db, previous),
      };
    });
  const pilotOf = (row: WorkflowRow) => {
    if (!row.routing.pilot) throw new ProblemError('CONFLICT', `${row.id} has no pilot`);
    return row.routing.pilot;
  };

  app.openapi(get, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    return c.json({ routing: toRoutingView(engine.db, row.routing) }, 200);
  });

  app.openapi(put, (c) => {
    const principal = c.get('principal');
    const row = writable(principal, c.req.valid('param').id);
    const routing = toStoreRouting(store, row.id, c.req.valid('json'));
    return c.json(change(principal, row, routing, 'routing.update'), 200);
  });

  app.openapi(promote, (c) => {
    const principal = c.get('principal');
    const row = writable(principal, c.req.valid('param').id);
    const pilot = pilotOf(row);
    const n = getVersion(engine.db, pilot.versionId)?.number;
    return c.json(change(principal, row, { defaultVersion: pilot.versionId }, `routing.promote:v${n}`), 200);
  });

  app.openapi(rollback, (c) => {
    const principal = c.get('principal');
    const row = writable(principal, c.req.valid('param').id);
    const pilot = pilotOf(row);
    const n = getVersion(engine.db, pilot.versionId)?.number;
    return c.json(
      change(principal, row, { defaultVersion: row.routing.defaultVersion }, `routing.rollback:v${n}`),
      200,
    );
  });

  app.openapi(comparison, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    const result = comparePilot(engine.db, row.id, row.routing);
    const withNumber = <T extends { versionId: string }>(stats: T | null) =>
      stats ? { ...stats, version: getVersion(engine.db, stats.versionId)?.number ?? null } : null;
    return c.json({ default: withNumber(result.default), pilot: withNumber(result.pilot) }, 200);
  });
  return app;
}
