import { specHash } from '@hireflow/runtime/compiler';
import { listStates, type WorkflowSpec } from '@hireflow/runtime/model';
import { getTemplate, listTemplates } from '@hireflow/templates';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { getLatestVersion } from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { ForkBody, SpecInput, WorkflowWithDraft } from '../schemas/workflow.ts';
import { forkSpec } from '../workflows/forkSpec.ts';
import { lockedStateIds } from '../workflows/specRules.ts';
import { insertWorkflow, loadWorkflow, targetUnit } from '../workflows/workflowAccess.ts';

/**
 * Built-in templates carry no version numbers of their own yet: every template is version 1 and
 * forks pin its content hash, which is what "changed upstream" compares.
 */
const TEMPLATE_VERSION = 1;

const TemplateSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    subjectType: z.string(),
    tags: z.array(z.string()),
    version: z.number().int(),
    stateCount: z.number().int(),
    lockedStates: z.array(z.string()),
  })
  .openapi('TemplateSummary');

const listRoute = createRoute({
  method: 'get',
  path: '/api/templates',
  tags: ['templates'],
  summary: 'Built-in templates',
  responses: {
    200: jsonResponse(z.object({ items: z.array(TemplateSummarySchema) }), 'Templates'),
    ...problemResponses,
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/templates/{id}',
  tags: ['templates'],
  summary: 'A template and its spec',
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ template: TemplateSummarySchema, spec: SpecInput }), 'The template'),
    ...problemResponses,
  },
});
const forkTemplate = createRoute({
  method: 'post',
  path: '/api/templates/{id}/fork',
  tags: ['templates'],
  summary: 'Fork a template into a business unit',
  request: { params: IdParams, body: jsonBody(ForkBody) },
  responses: { 201: jsonResponse(WorkflowWithDraft, 'The fork'), ...problemResponses },
});
const forkWorkflow = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/fork',
  tags: ['workflows'],
  summary: "Fork a workflow's latest version",
  request: { params: IdParams, body: jsonBody(ForkBody) },
  responses: { 201: jsonResponse(WorkflowWithDraft, 'The fork'), ...problemResponses },
});

function summarize(spec: WorkflowSpec) {
  const summary = listTemplates().find((t) => t.id === spec.id);
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description ?? '',
    subjectType: spec.subjectType,
    tags: spec.tags,
    version: TEMPLATE_VERSION,
    stateCount: summary?.stateCount ?? listStates(spec).length,
    lockedStates: lockedStateIds(spec),
  };
}

function requireTemplate(id: string): WorkflowSpec {
  const spec = getTemplate(id);
  if (!spec) throw new ProblemError('NOT_FOUND', `No template '${id}'`);
  return spec;
}

/** Templates (list, read, fork) and forking a workflow into another unit. */
export function forkRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, (c) => {
    const items = listTemplates().map((t) => summarize(requireTemplate(t.id)));
    return c.json({ items }, 200);
  });

  app.openapi(getRoute, (c) => {
    const spec = requireTemplate(c.req.valid('param').id);
    return c.json({ template: summarize(spec), spec }, 200);
  });

  app.openapi(forkTemplate, (c) => {
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const template = requireTemplate(c.req.valid('param').id);
    const origin = {
      source: 'template' as const,
      id: template.id,
      version: TEMPLATE_VERSION,
      hash: specHash(template),
    };
    const spec = forkSpec(template, origin, {
      ...body,
      businessUnit: targetUnit(principal, body.businessUnit),
    });
    const inserted = insertWorkflow(deps.store, principal, spec, now(), origin);
    c.header('location', `/api/workflows/${encodeURIComponent(inserted.workflow.id)}`);
    return c.json(inserted, 201);
  });

  app.openapi(forkWorkflow, (c) => {
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const source = loadWorkflow(deps.store, principal, c.req.valid('param').id);
    const latest = getLatestVersion(deps.db, source.id);
    if (!latest) throw new ProblemError('VALIDATION', 'Publish the workflow before forking it');
    const origin = { source: 'workflow' as const, id: source.id, version: latest.number, hash: latest.hash };
    const spec = forkSpec(latest.spec, origin, {
      ...body,
      businessUnit: targetUnit(principal, body.businessUnit),
    });
    const inserted = insertWorkflow(deps.store, principal, spec, now(), origin);
    c.header('location', `/api/workflows/${encodeURIComponent(inserted.workflow.id)}`);
    return c.json(inserted, 201);
  });
  return app;
}
