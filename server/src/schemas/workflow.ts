import { z } from '@hono/zod-openapi';
import { BusinessUnit, IdParam } from './common.ts';

/** A WorkflowSpec as sent: checked by the runtime's `parseSpec`, whose errors name paths in the spec. */
export const SpecInput = z
  .record(z.string(), z.unknown())
  .openapi({ type: 'object', description: 'A WorkflowSpec (see @hireflow/runtime/model)' });

const ForkOriginSchema = z.object({
  source: z.enum(['template', 'workflow']),
  id: z.string(),
  version: z.number().int(),
  hash: z.string().optional(),
});

/** docs/api.md WorkflowSummary. */
export const WorkflowSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    businessUnit: z.string(),
    subjectType: z.string(),
    tags: z.array(z.string()),
    draftRevision: z.number().int(),
    latestVersion: z.number().int().nullable(),
    defaultVersion: z.number().int().nullable(),
    forkedFrom: ForkOriginSchema.optional(),
    upstreamNewer: z.object({ version: z.number().int() }).nullable(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    runningInstances: z.number().int(),
    overdueInstances: z.number().int(),
  })
  .openapi('WorkflowSummary');

/** docs/api.md Draft. */
export const DraftSchema = z
  .object({ spec: SpecInput, revision: z.number().int(), savedAt: z.string(), savedBy: z.string() })
  .openapi('Draft');

/** The compiler's Diagnostic. */
export const DiagnosticSchema = z
  .object({
    path: z.string(),
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    stateId: z.string().optional(),
    transitionId: z.string().optional(),
    position: z.object({ start: z.number(), end: z.number() }).optional(),
    shadowedBy: z.string().optional(),
  })
  .openapi('Diagnostic');

/** docs/api.md VersionSummary. */
export const VersionSummarySchema = z
  .object({
    workflowId: z.string(),
    number: z.number().int(),
    hash: z.string(),
    publishedBy: z.object({ id: z.string(), name: z.string() }),
    publishedAt: z.string(),
    changelog: z.string(),
  })
  .openapi('VersionSummary');

/** docs/api.md Version. */
export const VersionSchema = VersionSummarySchema.extend({
  spec: SpecInput,
  definition: z.unknown(),
}).openapi('Version');

/** `{ workflow, draft }`, what create and forks answer. */
export const WorkflowWithDraft = z.object({ workflow: WorkflowSummarySchema, draft: DraftSchema });

/** Body of the fork routes. */
export const ForkBody = z.strictObject({
  businessUnit: BusinessUnit.optional(),
  id: IdParam.optional(),
  name: z.string().min(1).max(120).optional(),
});

/** Draft revision the client edited from (optimistic concurrency). */
export const BaseRevision = z.number().int().min(0);

/** `{ id, n }` path params of a version. */
export const VersionParams = z.strictObject({
  id: IdParam.openapi({ param: { name: 'id', in: 'path' } }),
  n: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .openapi({ param: { name: 'n', in: 'path' }, type: 'integer' }),
});
