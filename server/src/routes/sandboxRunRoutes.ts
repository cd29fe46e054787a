import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getSandboxDelivery } from '../db/deliveryAdmin.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { toInstance, toInstanceSummary } from '../instances/instanceViews.ts';
import { refusalProblem } from '../instances/refusalProblem.ts';
import { listAuditEntries, listEffects, readInstance, readInstances } from '../runtime.ts';
import {
  defaultSpecOf,
  loadSandboxWorkflow,
  requireSandboxes,
  type Sandbox,
  sandboxActor,
  sandboxCall,
} from '../sandboxes/sandboxAccess.ts';
import { startSynthetic } from '../sandboxes/startSynthetic.ts';
import { IdParam, jsonBody, jsonResponse, PageQuery, problemResponses } from '../schemas/common.ts';
import { InstanceSummarySchema } from '../schemas/instance.ts';
import { SandboxEvent, SandboxInstanceParams, SandboxParams } from '../schemas/rollout.ts';
import { paginate } from './paginate.ts';

const tags = ['sandboxes'];
const Json = z.record(z.string(), z.unknown());
const Items = (description: string) =>
  jsonResponse(z.object({ items: z.array(Json), nextCursor: z.string().nullable() }), description);

const synthetic = createRoute({
  method: 'post',
  path: '/api/sandboxes/{name}/synthetic',
  tags,
  summary: 'Start N synthetic candidates/requisitions (seeded: the same seed gives the same cohort)',
  request: {
    params: SandboxParams,
    body: jsonBody(
      z.strictObject({
        workflowId: IdParam,
        count: z.number().int().min(1).max(500),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ items: z.array(Json), refused: z.array(Json) }), 'Started'),
    ...problemResponses,
  },
});
const send = createRoute({
  method: 'post',
  path: '/api/sandboxes/{name}/instances/{id}/events',
  tags,
  summary: 'Send an event to a sandbox instance (the caller may act as any role)',
  request: { params: SandboxInstanceParams, body: jsonBody(SandboxEvent) },
  responses: {
    200: jsonResponse(z.object({ instance: Json, auditSeq: z.number().int() }), 'Applied'),
    ...problemResponses,
  },
});
const instances = createRoute({
  method: 'get',
  path: '/api/sandboxes/{name}/instances',
  tags,
  summary: "A sandbox's instances",
  request: {
    params: SandboxParams,
    query: z.strictObject({ workflowId: IdParam.optional(), ...PageQuery }),
  },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(InstanceSummarySchema), nextCursor: z.string().nullable() }),
      'Instances',
    ),
    ...problemResponses,
  },
});
const audit = createRoute({
  method: 'get',
  path: '/api/sandboxes/{name}/audit',
  tags,
  summary: "A sandbox's audit entries (of one instance, or of all the caller may see)",
  request: {
    params: SandboxParams,
    query: z.strictObject({ instanceId: IdParam.optional(), ...PageQuery }),
  },
  responses: { 200: Items('Audit entries in seq order'), ...problemResponses },
});
const effects = createRoute({
  method: 'get',
  path: '/api/sandboxes/{name}/effects',
  tags,
  summary: 'Effects the sandbox captured (never delivered), of one instance or all the caller may see',
  request: {
    params: SandboxParams,
    query: z.strictObject({ instanceId: IdParam.optional(), ...PageQuery }),
  },
  responses: { 200: Items('Captured effects'), ...problemResponses },
});

/** Instance ids of the sandbox the principal may see (business units and confidentiality). */
function visibleIds(sandbox: Sandbox, principal: Principal): Set<string> {
  const views = readInstances(
    sandbox.db,
    toEngineActor(principal),
    { limit: 1_000_000 },
    sandbox.clock.now().getTime(),
  );
  return new Set(views.map((view) => view.id));
}

const seqKey = (entry: { seq: number }) => String(entry.seq).padStart(16, '0');

/** Inside a sandbox: synthetic instances, events, and what happened (instances, audit, captured effects). */
export function sandboxRunRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const open = (name: string) => sandboxCall(() => requireSandboxes(deps).get(name));

  app.openapi(synthetic, (c) => {
    const sandbox = open(c.req.valid('param').name);
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const workflow = loadSandboxWorkflow(sandbox, principal, body.workflowId);
    const spec = defaultSpecOf(sandbox, workflow);
    const result = startSynthetic(sandbox, workflow, spec, toEngineActor(principal), body);
    return c.json(result, 201);
  });

  app.openapi(send, (c) => {
    const { name, id } = c.req.valid('param');
    const sandbox = open(name);
    const body = c.req.valid('json');
    const actor = sandboxActor(c.get('principal'), body.actAs);
    const result = sandbox.engine.send(
      id,
      { type: body.type, ...(body.payload ? { payload: body.payload } : {}) },
      { actor, note: body.note },
    );
    if (!result.ok) throw refusalProblem(result);
    const view = readInstance(sandbox.db, id, actor, sandbox.clock.now().getTime());
    if (!view) throw new ProblemError('NOT_FOUND');
    return c.json({ instance: toInstance(view), auditSeq: result.auditSeq }, 200);
  });

  app.openapi(instances, (c) => {
    const sandbox = open(c.req.valid('param').name);
    const query = c.req.valid('query');
    // Filtering by another unit's workflow is a 404, as the workflow would be in production.
    if (query.workflowId !== undefined) loadSandboxWorkflow(sandbox, c.get('principal'), query.workflowId);
    const filter = { limit: 1_000_000, ...(query.workflowId ? { workflowId: query.workflowId } : {}) };
    const actor = toEngineActor(c.get('principal'));
    const items = readInstances(sandbox.db, actor, filter, sandbox.clock.now().getTime()).map(
      toInstanceSummary,
    );
    return c.json(
      paginate(items, (i) => i.id, query),
      200,
    );
  });

  app.openapi(audit, (c) => {
    const sandbox = open(c.req.valid('param').name);
    const query = c.req.valid('query');
    const visible = visibleIds(sandbox, c.get('principal'));
    if (query.instanceId !== undefined && !visible.has(query.instanceId)) throw new ProblemError('NOT_FOUND');
    const ids = query.instanceId === undefined ? [...visible] : [query.instanceId];
    const items = ids.flatMap((id) => listAuditEntries(sandbox.db, id)).sort((a, b) => a.seq - b.seq);
    return c.json(paginate(items, seqKey, query), 200);
  });

  app.openapi(effects, (c) => {
    const sandbox = open(c.req.valid('param').name);
    const principal = c.get('principal');
    const query = c.req.valid('query');
    const visible = visibleIds(sandbox, principal);
    if (query.instanceId !== undefined && !visible.has(query.instanceId)) throw new ProblemError('NOT_FOUND');
    const filter = query.instanceId === undefined ? {} : { instanceId: query.instanceId };
    const delivering = getSandboxDelivery(deps.store, sandbox.name) === 'deliver';
    const items = listEffects(sandbox.db, { ...filter, limit: 1_000_000 })
      .filter((row) => (row.instanceId === null ? principal.units === '*' : visible.has(row.instanceId)))
      .map((row) => ({
        id: row.id,
        instanceId: row.instanceId,
        type: row.type,
        payload: row.payload,
        // A sandbox's effects are captures, never sent — unless an admin switched it to `deliver`.
        status: delivering ? row.status : 'captured',
        createdAt: new Date(row.createdAt).toISOString(),
      }));
    const key = (e: { createdAt: string; id: string }) => `${e.createdAt}|${e.id}`;
    items.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    return c.json(paginate(items, key, query), 200);
  });
  return app;
}
