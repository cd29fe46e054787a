import { z } from '@hono/zod-openapi';

/**
 * An instance's context values. The keys are the workflow's own context fields (its spec's
 * `context` schema), so the map is open by nature; values are JSON.
 */
export const ContextValuesSchema = z
  .record(z.string(), z.unknown())
  .openapi('ContextValues', { description: "Values of the workflow's context fields, by field name" });

/** Who an approval task is addressed to: a role (or approver group) or one user. */
export const RecipientSchema = z
  .union([z.object({ role: z.string() }), z.object({ user: z.string() })])
  .openapi('Recipient');

/** docs/api.md ApprovalTask: one approver's task for one approval step. */
export const ApprovalTaskSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    stateId: z.string(),
    stepId: z.string(),
    approver: RecipientSchema,
    status: z.enum(['open', 'approved', 'rejected', 'delegated', 'canceled']),
    decidedBy: z.string().nullable(),
    decision: z.enum(['approve', 'reject', 'delegate']).nullable(),
    comment: z.string().nullable(),
    delegatedTo: z.string().nullable(),
    createdAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .openapi('ApprovalTask');

/** docs/api.md InstanceSummary. */
export const InstanceSummarySchema = z
  .object({
    id: z.string(),
    workflowId: z.string(),
    version: z.number().int(),
    subjectId: z.string().nullable(),
    businessUnit: z.string(),
    state: z.array(z.string()),
    status: z.enum(['running', 'done']),
    outcome: z.string().optional(),
    enteredAt: z.string(),
    overdue: z.boolean(),
    startedAt: z.string(),
  })
  .openapi('InstanceSummary');

/** An armed timer of an instance (SLA rung, reminder or escalation). */
export const InstanceTimerSchema = z
  .object({
    delayName: z.string(),
    label: z.string().optional(),
    kind: z.string().optional(),
    dueAt: z.string(),
    status: z.string(),
    deferredUntil: z.string().optional(),
  })
  .openapi('InstanceTimer');

/** docs/api.md Instance: the summary plus context, timers, approvals and enabled events. */
export const InstanceSchema = InstanceSummarySchema.extend({
  context: ContextValuesSchema,
  timers: z.array(InstanceTimerSchema),
  approvals: z.array(ApprovalTaskSchema),
  enabledEvents: z.array(z.string()),
}).openapi('Instance');
