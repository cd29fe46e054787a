import { randomBytes } from 'node:crypto';
import type { ContextSchema } from '@hireflow/runtime/model';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type EventMappingRow,
  insertWebhookSecret,
  listMappings,
  listWebhookSecrets,
  replaceMappings,
  revokeWebhookSecret,
} from '../db/webhookStore.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canWriteUnit } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { getLatestVersion, type WorkflowRow } from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses, RoleSchema } from '../schemas/common.ts';
import { checkMapping } from '../webhooks/mappingRules.ts';
import { WEBHOOK_ADAPTERS } from '../webhooks/webhookAdapters.ts';
import { loadWorkflow } from '../workflows/workflowAccess.ts';

const Vendor = z.enum(['greenhouse', 'lever', 'ashby', 'generic']);
const SecretSummary = z.object({
  id: z.string(),
  vendor: z.string(),
  hint: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const ContextCopy = z.strictObject({
  field: z.string().min(1).max(200).describe('A field of the workflow context schema'),
  path: z
    .string()
    .min(1)
    .max(300)
    .describe('Where in the vendor payload, e.g. payload.application.jobs[0].name'),
});
const Mapping = z
  .strictObject({
    vendor: Vendor,
    vendorEvent: z.string().min(1).max(100),
    stage: z.string().min(1).max(200).nullable().default(null),
    workflowEvent: z
      .string()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .describe("Sent to the subject's active instances; null: this mapping only starts instances"),
    startIfMissing: z
      .boolean()
      .default(false)
      .describe('Start an instance (subject = the ATS object id) when the subject has no active one'),
    context: z
      .array(ContextCopy)
      .max(50)
      .default([])
      .describe('Context of a started instance, from the payload'),
    actAsRole: RoleSchema.default('recruiter'),
  })
  .openapi('EventMapping');

const listSecrets = createRoute({
  method: 'get',
  path: '/api/webhook-secrets',
  tags: ['webhooks'],
  summary: 'Signing secrets (hints only)',
  responses: {
    200: jsonResponse(z.object({ items: z.array(SecretSummary) }), 'Secrets'),
    ...problemResponses,
  },
});
const addSecret = createRoute({
  method: 'post',
  path: '/api/webhook-secrets',
  tags: ['webhooks'],
  summary: 'Add a signing secret (rotation: old ones stay valid)',
  request: {
    body: jsonBody(z.strictObject({ vendor: Vendor, secret: z.string().min(16).max(500).optional() })),
  },
  responses: {
    201: jsonResponse(z.object({ secret: z.string(), summary: SecretSummary }), 'The secret, shown once'),
    ...problemResponses,
  },
});
const revokeSecret = createRoute({
  method: 'delete',
  path: '/api/webhook-secrets/{id}',
  tags: ['webhooks'],
  summary: 'Revoke a signing secret',
  request: { params: IdParams },
  responses: { 204: { description: 'Revoked' }, ...problemResponses },
});
const getMappings = createRoute({
  method: 'get',
  path: '/api/workflows/{id}/mappings',
  tags: ['webhooks'],
  summary: 'Vendor event → workflow event mappings',
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(Mapping) }), 'Mappings'), ...problemResponses },
});
const putMappings = createRoute({
  method: 'put',
  path: '/api/workflows/{id}/mappings',
  tags: ['webhooks'],
  summary: "Replace the workflow's mappings",
  request: { params: IdParams, body: jsonBody(z.strictObject({ items: z.array(Mapping).max(200) })) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Mapping) }), 'Mappings'), ...problemResponses },
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toMapping = (m: EventMappingRow) => ({
  vendor: m.vendor as z.infer<typeof Vendor>,
  vendorEvent: m.vendorEvent,
  stage: m.stage,
  workflowEvent: m.workflowEvent,
  startIfMissing: m.startIfMissing,
  context: m.context,
  actAsRole: m.actAsRole as z.infer<typeof RoleSchema>,
});

/** The context schema mappings are checked against: the latest published version's, else the draft's. */
function contextSchemaOf(store: AppDeps['store'], workflow: WorkflowRow): ContextSchema {
  const spec =
    getLatestVersion(store.db, workflow.id)?.spec ?? (workflow.draftSpec as { context?: ContextSchema });
  return spec.context ?? {};
}

/** Admin of webhook secrets, and the per-workflow mapping table. */
export function webhookAdminRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store } = deps;
  const summary = (row: {
    id: string;
    vendor: string;
    secret: string;
    createdAt: number;
    revokedAt: number | null;
  }) => ({
    id: row.id,
    vendor: row.vendor,
    hint: `…${row.secret.slice(-4)}`,
    createdAt: new Date(row.createdAt).toISOString(),
    revokedAt: iso(row.revokedAt),
  });

  app.openapi(listSecrets, (c) => c.json({ items: listWebhookSecrets(store).map(summary) }, 200));

  app.openapi(addSecret, (c) => {
    const { vendor, secret } = c.req.valid('json');
    const value =
      secret ??
      (vendor === 'generic'
        ? `whsec_${randomBytes(24).toString('base64')}`
        : randomBytes(24).toString('hex'));
    const row = insertWebhookSecret(store, vendor, value, now());
    return c.json({ secret: value, summary: summary(row) }, 201);
  });

  app.openapi(revokeSecret, (c) => {
    if (!revokeWebhookSecret(store, c.req.valid('param').id, now())) throw new ProblemError('NOT_FOUND');
    return c.body(null, 204);
  });

  app.openapi(getMappings, (c) => {
    const row = loadWorkflow(store, c.get('principal'), c.req.valid('param').id);
    return c.json({ items: listMappings(store, row.id).map(toMapping) }, 200);
  });

  app.openapi(putMappings, (c) => {
    const principal = c.get('principal');
    const row = loadWorkflow(store, principal, c.req.valid('param').id);
    if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
    const schema = contextSchemaOf(store, row);
    const errors = c.req
      .valid('json')
      .items.flatMap((item, i) =>
        checkMapping(item, i, schema, WEBHOOK_ADAPTERS[item.vendor].personalDataPaths),
      );
    if (errors.length > 0) throw new ProblemError('VALIDATION', 'The mappings are invalid', { errors });
    return c.json(
      { items: replaceMappings(store, row.id, c.req.valid('json').items, now()).map(toMapping) },
      200,
    );
  });
  return app;
}
