import { diff } from '@hireflow/runtime/compiler';
import type { WorkflowSpec } from '@hireflow/runtime/model';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ServerStore } from '../db/openServerStore.ts';
import { getWorkflowMeta, touchWorkflow } from '../db/workflowMeta.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canWriteUnit, type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { toRoutingView } from '../rollout/routingViews.ts';
import {
  getVersion,
  getWorkflow,
  listVersions,
  toVersionId,
  updateDraft,
  type VersionRow,
  type WorkflowRow,
} from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, PageQuery, problemResponses } from '../schemas/common.ts';
import { RoutingSchema } from '../schemas/rollout.ts';
import {
  BaseRevision,
  DraftSchema,
  VersionParams,
  VersionSchema,
  VersionSummarySchema,
} from '../schemas/workflow.ts';
import { upstreamSpec } from '../workflows/specRules.ts';
import { loadWorkflow } from '../workflows/workflowAccess.ts';
import { toDraft, toVersionSummary } from '../workflows/workflowViews.ts';
import { paginate } from './paginate.ts';

const tags = ['versions'];
const VersionRef = z.union([z.literal('draft'), z.coerce.number().int().min(1)]);

const publish = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/publish',
  tags,
  summary: 'Publish the draft as an immutable version',
  request: {
    params: IdParams,
    body: jsonBody(
      z.strictObject({
        changelog: z.string().max(4000),
        baseRevision: BaseRevision,
        makeDefault: z.boolean().optional().openapi({
          description:
            'Make this version the default for new instances (default: only the first version becomes the default)',
        }),
      }),
    ),
  },
  responses: {
    201: jsonResponse(
      z.object({ version: VersionSummarySchema, routing: RoutingSchema }),
      'Published; `routing` says which version new instances use',
    ),
    200: jsonResponse(
      z.object({ version: VersionSummarySchema, unchanged: z.literal(true), routing: RoutingSchema }),
      'Same content as the latest version',
    ),
    ...problemResponses,
  },
});
const versions = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/versions',
  tags,
  summary: 'Versions, newest first',
  request: { params: IdParams, query: z.strictObject(PageQuery) },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(VersionSummarySchema), nextCursor: z.string().nullable() }),
      'Versions',
    ),
    ...problemResponses,
  },
});
const version = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/versions/{n}',
  tags,
  summary: 'A version with spec and definition',
  request: { params: VersionParams },
  responses: { 200: jsonResponse(z.object({ version: VersionSchema }), 'The version'), ...problemResponses },
});
const definition = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/versions/{n}/definition',
  tags,
  summary: 'The compiled XState definition (download)',
  request: { params: VersionParams },
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The definition'), ...problemResponses },
});
const restore = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/versions/{n}/restore',
  tags,
  summary: "Copy a version's spec into the draft",
  request: { params: VersionParams, body: jsonBody(z.strictObject({ baseRevision: BaseRevision })) },
  responses: { 200: jsonResponse(z.object({ draft: DraftSchema }), 'Restored'), ...problemResponses },
});
const diffRoute = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/diff',
  tags,
  summary: 'Diff two versions (or the draft)',
  request: { params: IdParams, query: z.strictObject({ from: VersionRef, to: VersionRef }) },
  responses: {
    200: jsonResponse(z.object({ from: z.unknown(), to: z.unknown(), diff: z.unknown() }), 'The diff'),
    ...problemResponses,
  },
});

function requireVersion(store: ServerStore, workflowId: string, n: number): VersionRow {
  const row = getVersion(store.db, toVersionId(workflowId, n));
  if (!row) throw new ProblemError('NOT_FOUND', `Version ${n} does not exist`);
  return row;
}

function requireWritable(principal: Principal, row: WorkflowRow): void {
  if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
}

function requireRevision(store: ServerStore, row: WorkflowRow, baseRevision: number): void {
  if (row.draftRevision === baseRevision) return;
  throw new ProblemError('REVISION_CONFLICT', `The draft is at revision ${row.draftRevision}`, {
    extra: { current: toDraft(row, getWorkflowMeta(store, row.id)) },
  });
}

/** Versions: publish, list, read, definition download, restore into the draft, diff. */
export function versionRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store } = deps;

  app.openapi(publish, (c) => {
    const principal = c.get('principal');
    const row = loadWorkflow(store, principal, c.req.valid('param').id);
    requireWritable(principal, row);
    const body = c.req.valid('json');
    requireRevision(store, row, body.baseRevision);
    const result = deps.engine.publish({
      workflowId: row.id,
      actor: toEngineActor(principal),
      changelog: body.changelog,
      upstream: upstreamSpec(store.db, row.forkedFrom),
      makeDefault: body.makeDefault,
    });
    if (result.kind === 'invalid') {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      throw new ProblemError('PUBLISH_BLOCKED', `${errors.length} error(s) block publishing`, {
        errors: errors.map((d) => ({ path: d.path, message: d.message })),
        extra: { diagnostics: result.diagnostics },
      });
    }
    const summary = toVersionSummary(store, result.version);
    const routing = toRoutingView(
      store.db,
      getWorkflow(store.db, row.id)?.routing ?? { defaultVersion: null },
    );
    if (result.kind === 'unchanged')
      return c.json({ version: summary, unchanged: true as const, routing }, 200);
    return c.json({ version: summary, routing }, 201);
  });

  app.openapi(versions, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    const items = listVersions(store.db, row.id)
      .reverse()
      .map((v) => toVersionSummary(store, v));
    // Newest first, so the page key counts down: pad the distance from a ceiling.
    const key = (v: { number: number }) => String(1e9 - v.number).padStart(10, '0');
    return c.json(paginate(items, key, c.req.valid('query')), 200);
  });

  app.openapi(version, (c) => {
    const { id, n } = c.req.valid('param');
    const row = loadWorkflow(store, c.get('principal'), id);
    const v = requireVersion(store, row.id, n);
    return c.json(
      { version: { ...toVersionSummary(store, v), spec: v.spec, definition: v.definition } },
      200,
    );
  });

  app.openapi(definition, (c) => {
    const { id, n } = c.req.valid('param');
    const row = loadWorkflow(store, c.get('principal'), id);
    const v = requireVersion(store, row.id, n);
    c.header('content-disposition', `attachment; filename="${row.id}-v${n}.definition.json"`);
    return c.json(v.definition, 200);
  });

  app.openapi(restore, (c) => {
    const principal = c.get('principal');
    const { id, n } = c.req.valid('param');
    const row = loadWorkflow(store, principal, id);
    requireWritable(principal, row);
    const v = requireVersion(store, row.id, n);
    const { baseRevision } = c.req.valid('json');
    const saved = store.db.transaction(() => {
      const ok = updateDraft(store.db, row.id, baseRevision, {
        draftSpec: v.spec as never,
        name: v.spec.name,
        now: now(),
      });
      if (ok) touchWorkflow(store, row.id, principal.user.id);
      return ok;
    });
    const current = getWorkflow(store.db, row.id) ?? row;
    if (!saved) requireRevision(store, current, baseRevision);
    return c.json({ draft: toDraft(current, getWorkflowMeta(store, row.id)) }, 200);
  });

  app.openapi(diffRoute, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    const { from, to } = c.req.valid('query');
    const specOf = (ref: number | 'draft'): WorkflowSpec =>
      ref === 'draft' ? (row.draftSpec as WorkflowSpec) : requireVersion(store, row.id, ref).spec;
    return c.json({ from, to, diff: diff(specOf(from), specOf(to)) }, 200);
  });
  return app;
}
