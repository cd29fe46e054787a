import { compile } from '@hireflow/runtime/compiler';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { archiveWorkflow, getWorkflowMeta, touchWorkflow, workflowMetaById } from '../db/workflowMeta.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canSeeUnit, canWriteUnit } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { getWorkflow, listWorkflows, updateDraft } from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, PageQuery, problemResponses } from '../schemas/common.ts';
import {
  BaseRevision,
  DiagnosticSchema,
  DraftSchema,
  SpecInput,
  WorkflowSummarySchema,
  WorkflowWithDraft,
} from '../schemas/workflow.ts';
import {
  requireLockedStatesKept,
  requireSameIdentity,
  requireSpec,
  upstreamSpec,
} from '../workflows/specRules.ts';
import { insertWorkflow, loadWorkflow, targetUnit } from '../workflows/workflowAccess.ts';
import { toDraft, toWorkflowSummary } from '../workflows/workflowViews.ts';
import { paginate } from './paginate.ts';

const tags = ['workflows'];
const ListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  businessUnit: z.string().max(64).optional(),
  tag: z.string().max(40).optional(),
  ...PageQuery,
});

const list = createRoute({
  method: 'get',
  path: '/api/workflows',
  tags,
  summary: 'Workflows the caller may see',
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(WorkflowSummarySchema), nextCursor: z.string().nullable() }),
      'Workflows',
    ),
    ...problemResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/workflows',
  tags,
  summary: 'Create a workflow from a spec',
  request: { body: jsonBody(z.strictObject({ spec: SpecInput })) },
  responses: { 201: jsonResponse(WorkflowWithDraft, 'Created'), ...problemResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/workflows/{id}',
  tags,
  summary: 'A workflow and its draft',
  request: { params: IdParams },
  responses: { 200: jsonResponse(WorkflowWithDraft, 'The workflow'), ...problemResponses },
});
const saveDraft = createRoute({
  method: 'put',
  path: '/api/workflows/{id}/draft',
  tags,
  summary: 'Save the draft (409 on a stale revision)',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ spec: SpecInput, baseRevision: BaseRevision })),
  },
  responses: {
    200: jsonResponse(z.object({ draft: DraftSchema, diagnostics: z.array(DiagnosticSchema) }), 'Saved'),
    ...problemResponses,
  },
});
const archive = createRoute({
  method: 'delete',
  path: '/api/workflows/{id}',
  tags,
  summary: 'Archive a workflow (versions and audit stay)',
  request: { params: IdParams },
  responses: { 204: { description: 'Archived' }, ...problemResponses },
});
const validate = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/validate',
  tags,
  summary: 'Diagnostics of a spec (default: the draft)',
  request: { params: IdParams, body: jsonBody(z.strictObject({ spec: SpecInput.optional() })) },
  responses: {
    200: jsonResponse(
      z.object({ diagnostics: z.array(DiagnosticSchema), hash: z.string().nullable() }),
      'Diagnostics',
    ),
    ...problemResponses,
  },
});

/** Workflows: list, create, read, save draft (optimistic concurrency), archive, validate. */
export function workflowRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store } = deps;

  app.openapi(list, (c) => {
    const principal = c.get('principal');
    const query = c.req.valid('query');
    const meta = workflowMetaById(store);
    const needle = query.q?.toLowerCase();
    const rows = listWorkflows(
      store.db,
      query.businessUnit === undefined ? {} : { businessUnit: query.businessUnit },
    )
      .filter((row) => canSeeUnit(principal, row.businessUnit) && meta.get(row.id)?.archivedAt == null)
      .map((row) => toWorkflowSummary(store.db, row, meta.get(row.id)))
      .filter(
        (w) =>
          needle === undefined || `${w.id} ${w.name} ${w.description ?? ''}`.toLowerCase().includes(needle),
      )
      .filter((w) => query.tag === undefined || w.tags.includes(query.tag));
    return c.json(
      paginate(rows, (w) => w.id, query),
      200,
    );
  });

  app.openapi(create, (c) => {
    const principal = c.get('principal');
    const spec = requireSpec(c.req.valid('json').spec);
    spec.businessUnit = targetUnit(principal, spec.businessUnit);
    const inserted = insertWorkflow(store, principal, spec, now());
    c.header('location', `/api/workflows/${encodeURIComponent(inserted.workflow.id)}`);
    return c.json(inserted, 201);
  });

  app.openapi(get, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    const meta = getWorkflowMeta(store, row.id);
    return c.json({ workflow: toWorkflowSummary(store.db, row, meta), draft: toDraft(row, meta) }, 200);
  });

  app.openapi(saveDraft, (c) => {
    const principal = c.get('principal');
    const row = loadWorkflow(store, principal, c.req.valid('param').id);
    if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
    const body = c.req.valid('json');
    const spec = requireSpec(body.spec);
    requireSameIdentity(spec, row.id, row.businessUnit);
    spec.businessUnit = row.businessUnit ?? undefined;
    const upstream = upstreamSpec(store.db, row.forkedFrom);
    requireLockedStatesKept(spec, upstream);
    const saved = store.db.transaction(() => {
      const ok = updateDraft(store.db, row.id, body.baseRevision, {
        draftSpec: spec as never,
        name: spec.name,
        now: now(),
      });
      if (ok) touchWorkflow(store, row.id, principal.user.id);
      return ok;
    });
    const current = getWorkflow(store.db, row.id) ?? row;
    const draft = toDraft(current, getWorkflowMeta(store, row.id));
    if (!saved) {
      throw new ProblemError('REVISION_CONFLICT', `The draft is at revision ${current.draftRevision}`, {
        extra: { current: draft },
      });
    }
    return c.json({ draft, diagnostics: compile(spec, { upstream }).diagnostics }, 200);
  });

  app.openapi(archive, (c) => {
    const principal = c.get('principal');
    const row = loadWorkflow(store, principal, c.req.valid('param').id);
    if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
    archiveWorkflow(store, row.id, principal.user.id, now());
    return c.body(null, 204);
  });

  app.openapi(validate, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    const input = c.req.valid('json').spec ?? row.draftSpec;
    const result = compile(input, { upstream: upstreamSpec(store.db, row.forkedFrom) });
    return c.json({ diagnostics: result.diagnostics, hash: result.hash }, 200);
  });
  return app;
}
