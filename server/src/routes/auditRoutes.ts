import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bundleBody, verifyOptions } from '../audit/auditAnchorViews.ts';
import { toCsv } from '../audit/auditExport.ts';
import { logAccess } from '../db/accessLog.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { personalDataMode } from '../privacy/personalDataPolicy.ts';
import {
  exportBundleLines,
  type InstanceView,
  listAuditEntries,
  readInstance,
  replay,
  toVersionId,
  verify,
  verifyInstance,
  whatIf,
} from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, PageQuery, problemResponses } from '../schemas/common.ts';
import { paginate } from './paginate.ts';

const tags = ['audit'];
const Any = z.record(z.string(), z.unknown());

const entries = createRoute({
  method: 'get',
  path: '/api/audit/instances/{id}/entries',
  tags,
  summary: "An instance's audit entries in seq order",
  request: { params: IdParams, query: z.strictObject(PageQuery) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(Any), nextCursor: z.string().nullable() }), 'Entries'),
    ...problemResponses,
  },
});
const exportRoute = createRoute({
  method: 'get',
  path: '/api/audit/instances/{id}/export',
  tags,
  summary:
    'Download the entries: NDJSON export bundle (signed tree head, entries with inclusion proofs, chain-head proof; see docs/audit-format.md) or CSV',
  request: {
    params: IdParams,
    query: z.strictObject({ format: z.enum(['ndjson', 'csv']).default('ndjson') }),
  },
  responses: { 200: { description: 'The file' }, ...problemResponses },
});
const verifyOne = createRoute({
  method: 'post',
  path: '/api/audit/instances/{id}/verify',
  tags,
  summary: "Recompute an instance's hash chain",
  request: { params: IdParams },
  responses: { 200: jsonResponse(Any, 'Result'), ...problemResponses },
});
const verifyAll = createRoute({
  method: 'post',
  path: '/api/audit/verify',
  tags,
  summary: 'Verify every chain and the latest checkpoint',
  responses: { 200: jsonResponse(Any, 'Result'), ...problemResponses },
});
const replayRoute = createRoute({
  method: 'post',
  path: '/api/audit/instances/{id}/replay',
  tags,
  summary: 'Re-run the recorded events and compare with the log (and the stored snapshot)',
  request: {
    params: IdParams,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z.strictObject({
            until: z.iso
              .datetime({ offset: true })
              .optional()
              .openapi({ description: 'Stop after the last entry at or before this time (ISO-8601)' }),
          }),
        },
      },
    },
  },
  responses: { 200: jsonResponse(Any, 'Result'), ...problemResponses },
});
const whatIfRoute = createRoute({
  method: 'post',
  path: '/api/audit/instances/{id}/what-if',
  tags,
  summary: 'Run the recorded events through another version',
  request: { params: IdParams, body: jsonBody(z.strictObject({ version: z.number().int().min(1) })) },
  responses: { 200: jsonResponse(Any, 'Result'), ...problemResponses },
});

/** Audit: entries, export, verify, replay, what-if. Every read is recorded in the access log. */
export function auditRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { engine, store } = deps;
  const visible = (principal: Principal, id: string, action: string): InstanceView => {
    const view = readInstance(engine.db, id, toEngineActor(principal), now());
    if (!view) throw new ProblemError('NOT_FOUND');
    logAccess(store, { userId: principal.user.id, action, target: `instance:${id}`, now: now() });
    return view;
  };

  app.openapi(entries, (c) => {
    const { id } = c.req.valid('param');
    visible(c.get('principal'), id, 'audit.entries');
    const items = listAuditEntries(engine.db, id);
    const key = (e: { seq: number }) => String(e.seq).padStart(16, '0');
    return c.json(paginate(items, key, c.req.valid('query')), 200);
  });

  app.openapi(exportRoute, (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    visible(c.get('principal'), id, `audit.export.${format}`);
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson';
    c.header('content-disposition', `attachment; filename="audit-${id}.${format}"`);
    const body =
      format === 'csv'
        ? toCsv(listAuditEntries(engine.db, id))
        : bundleBody(exportBundleLines(engine.db, id));
    return c.body(body, 200, { 'content-type': type });
  });

  app.openapi(verifyOne, (c) => {
    const { id } = c.req.valid('param');
    visible(c.get('principal'), id, 'audit.verify');
    const result = verifyInstance(engine.db, id);
    return c.json(
      {
        ok: result.ok,
        entries: result.entriesChecked,
        failures: result.failures,
        ...(result.firstBad ? { firstBad: result.firstBad } : {}),
      },
      200,
    );
  });

  app.openapi(verifyAll, (c) => {
    logAccess(store, {
      userId: c.get('principal').user.id,
      action: 'audit.verify',
      target: 'database',
      now: now(),
    });
    return c.json({ ...verify(engine.db, verifyOptions(engine.db)) }, 200);
  });

  app.openapi(replayRoute, (c) => {
    const { id } = c.req.valid('param');
    visible(c.get('principal'), id, 'audit.replay');
    const { until } = (c.req.valid('json') ?? {}) as { until?: string };
    return c.json(
      { ...replay(engine.db, id, { until, personal: personalDataMode(c.get('principal')) }) },
      200,
    );
  });

  app.openapi(whatIfRoute, (c) => {
    const { id } = c.req.valid('param');
    const view = visible(c.get('principal'), id, 'audit.what-if');
    const result = whatIf(engine.db, id, toVersionId(view.workflowId, c.req.valid('json').version));
    if (!result) throw new ProblemError('NOT_FOUND', 'No such version of this workflow');
    return c.json({ ...result }, 200);
  });
  return app;
}
