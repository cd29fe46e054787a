import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { logAccess } from '../db/accessLog.ts';
import { findInstanceIdsByExternalRef } from '../db/instanceLookup.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { toInstance, toInstanceSummary } from '../instances/instanceViews.ts';
import { refusalProblem } from '../instances/refusalProblem.ts';
import { rateLimit } from '../middleware/rateLimit.ts';
import { personalDataMode } from '../privacy/personalDataPolicy.ts';
import { type Engine, type InstanceView, readInstance, readInstances, type StepResult } from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, PageQuery, problemResponses } from '../schemas/common.ts';
import { subjectKindOf } from '../workflows/subjectKind.ts';
import { loadWorkflow } from '../workflows/workflowAccess.ts';
import { paginate } from './paginate.ts';

const tags = ['instances'];
const Json = z.record(z.string(), z.unknown());
const InstanceSchema = z.record(z.string(), z.unknown()).openapi('Instance');
const IdempotencyHeaders = z.object({
  // Header names are case-insensitive; Hono hands them over lower-cased.
  'idempotency-key': z.string().min(1).max(200).optional(),
});

const list = createRoute({
  method: 'get',
  path: '/api/instances',
  tags,
  summary: 'Instances the caller may see',
  request: {
    query: z.strictObject({
      workflowId: z.string().max(64).optional(),
      state: z.string().max(64).optional(),
      businessUnit: z.string().max(64).optional(),
      overdue: z.enum(['true', 'false']).optional(),
      externalRef: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('The ATS reference (application / opportunity id) the instance was started for'),
      ...PageQuery,
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(Json), nextCursor: z.string().nullable() }), 'Instances'),
    ...problemResponses,
  },
});
const start = createRoute({
  method: 'post',
  path: '/api/instances',
  tags,
  summary: 'Start an instance (version chosen by routing)',
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(
      z.strictObject({
        workflowId: z.string().min(1).max(64),
        subjectId: z.string().min(1).max(200),
        context: Json.optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse(z.object({ instance: InstanceSchema }), 'Started'), ...problemResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/instances/{id}',
  tags,
  summary: 'An instance with timers, approvals and enabled events',
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ instance: InstanceSchema }), 'The instance'),
    ...problemResponses,
  },
});
const send = createRoute({
  method: 'post',
  path: '/api/instances/{id}/events',
  tags,
  summary: 'Send an event (Idempotency-Key honoured)',
  request: {
    params: IdParams,
    headers: IdempotencyHeaders,
    body: jsonBody(
      z.strictObject({
        type: z.string().min(1).max(100),
        payload: Json.optional(),
        // The engine enforces the note and payload limits (413 naming the field) and records the refused
        // attempt with a digest, so the limits hold for every entry point (API, CLI, webhooks).
        note: z.string().optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse(z.object({ instance: InstanceSchema, auditSeq: z.number().int() }), 'Applied'),
    ...problemResponses,
  },
});

/**
 * Instances: list, start, read, send events — all through the engine, one transaction each, except
 * events when `deps.committer` is set (group commit: one transaction per batch).
 */
export function instanceRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { engine, store } = deps;
  // Per-actor budget for starts and events: one account cannot flood the append-only log.
  const perActor = rateLimit({
    limit: deps.rateLimits?.events ?? 600,
    now,
    key: (c) => `user:${(c.get('principal') as Principal | undefined)?.user.id ?? 'anonymous'}`,
  });
  const postsOnly: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.method === 'POST' ? perActor(c, next) : next();
  app.use('/api/instances', postsOnly);
  app.use('/api/instances/:id/events', postsOnly);
  // Personal values are shown by role (privacy/personalDataPolicy.ts); a read that shows them is logged.
  const view = (id: string, principal: Principal) => {
    const found = readInstance(engine.db, id, toEngineActor(principal), now(), personalDataMode(principal));
    if (!found) throw new ProblemError('NOT_FOUND');
    if (found.personalData)
      logAccess(store, {
        userId: principal.user.id,
        action: 'instance.read',
        target: `instance:${id}`,
        now: now(),
      });
    return found;
  };

  app.openapi(list, (c) => {
    const actor = toEngineActor(c.get('principal'));
    const q = c.req.valid('query');
    const filter = {
      ...(q.workflowId === undefined ? {} : { workflowId: q.workflowId }),
      ...(q.businessUnit === undefined ? {} : { businessUnits: [q.businessUnit] }),
      limit: 10_000,
    };
    const views =
      q.externalRef === undefined
        ? readInstances(engine.db, actor, filter, now())
        : findInstanceIdsByExternalRef(engine.db, q.externalRef, 1000)
            .map((id) => readInstance(engine.db, id, actor, now()))
            .filter((v): v is InstanceView => v !== undefined)
            .filter((v) => q.workflowId === undefined || v.workflowId === q.workflowId)
            .filter((v) => q.businessUnit === undefined || v.businessUnit === q.businessUnit)
            // The cursor is the id (paginate.ts): the page order must be id order too.
            .sort((a, b) => (a.id < b.id ? -1 : 1));
    const items = views
      .filter((v) => q.state === undefined || v.activeStates.includes(q.state))
      .filter((v) => q.overdue === undefined || v.overdue === (q.overdue === 'true'))
      .map(toInstanceSummary);
    return c.json(
      paginate(items, (i) => i.id, q),
      200,
    );
  });

  app.openapi(start, (c) => {
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const workflow = loadWorkflow(store, principal, body.workflowId);
    const kind = subjectKindOf(workflow);
    const result = engine.start({
      workflowId: workflow.id,
      businessUnit: workflow.businessUnit ?? '',
      subject: { kind, externalRef: body.subjectId },
      context: body.context ?? {},
      actor: toEngineActor(principal),
      idempotencyKey: c.req.valid('header')['idempotency-key'],
    });
    if (!result.ok) throw refusalProblem(result);
    return c.json({ instance: toInstance(view(result.instanceId, principal)) }, 201);
  });

  app.openapi(get, (c) =>
    c.json({ instance: toInstance(view(c.req.valid('param').id, c.get('principal'))) }, 200),
  );

  // With a committer, many requests share one transaction; the idempotency record is written in the
  // event's own savepoint, so a repeat in the same batch is answered from the first one's result.
  const { committer } = deps;
  const sendEvent: (...args: Parameters<Engine['send']>) => StepResult | Promise<StepResult> = committer
    ? (id, event, options) => committer.send(id, event, options)
    : engine.send;

  app.openapi(send, async (c) => {
    const principal = c.get('principal');
    const actor = toEngineActor(principal);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await sendEvent(
      id,
      { type: body.type, ...(body.payload ? { payload: body.payload } : {}) },
      { actor, idempotencyKey: c.req.valid('header')['idempotency-key'], note: body.note },
    );
    if (!result.ok) throw refusalProblem(result);
    return c.json({ instance: toInstance(view(id, principal)), auditSeq: result.auditSeq }, 200);
  });
  return app;
}
