import { DURATION_UNITS } from '@hireflow/runtime/model';
import { z } from '@hono/zod-openapi';
import { IdParam, RoleSchema } from './common.ts';

/** A sandbox name: lowercase letters, digits and "-", starting with a letter (its file name too). */
export const SandboxName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and "-", starting with a letter');

/** `{ name }` path params of the sandbox routes. */
export const SandboxParams = z.strictObject({
  name: SandboxName.openapi({ param: { name: 'name', in: 'path' } }),
});

/** `{ name, id }` path params: an instance inside a sandbox. */
export const SandboxInstanceParams = z.strictObject({
  name: SandboxName.openapi({ param: { name: 'name', in: 'path' } }),
  id: IdParam.openapi({ param: { name: 'id', in: 'path' } }),
});

/** A sandbox as the API shows it. */
export const SandboxSchema = z
  .object({ name: z.string(), now: z.string(), createdAt: z.string(), instances: z.number().int() })
  .openapi('Sandbox');

/** An amount of time to move a sandbox clock by ("+3 business days"). */
export const ClockAdvance = z.strictObject({
  amount: z.number().positive('must be more than zero').max(1000),
  unit: z.enum(DURATION_UNITS),
  /** Business units follow this workflow's calendar (default: the sandbox's first workflow). */
  workflowId: IdParam.optional(),
});

/** A sandbox event: like a production event, and the caller may play any role (synthetic data). */
export const SandboxEvent = z.strictObject({
  type: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()).optional(),
  note: z.string().max(4000).optional(),
  actAs: RoleSchema.optional(),
});

/** The pilot of a routing as the API shows and takes it: a version number and its audience. */
export const PilotSchema = z.strictObject({
  version: z.number().int().min(1),
  businessUnits: z.array(z.string().min(1).max(64)).max(100).optional(),
  departments: z.array(z.string().min(1).max(100)).max(100).optional(),
  percentage: z.number().min(0).max(100).optional(),
});

/** Which version new instances start on: the default, or the pilot for its audience. */
export const RoutingSchema = z
  .strictObject({
    defaultVersion: z.number().int().min(1).nullable(),
    pilot: PilotSchema.nullable(),
  })
  .openapi('Routing');

/** A migration request: source and target version numbers and the state mapping. */
export const MigrationBody = z.strictObject({
  from: z.number().int().min(1),
  to: z.number().int().min(1),
  /** Source state id → target state id, for states the target does not have (others map by id). */
  stateMap: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).optional(),
  /** Only these instances (default: every active instance on `from` the caller may see). */
  instanceIds: z.array(IdParam).max(10_000).optional(),
});

/** One instance of a migration: its states before and after, recomputed timers, or why it cannot move. */
export const MigrationItemSchema = z
  .object({
    instanceId: z.string(),
    from: z.array(z.string()),
    to: z.array(z.string()).optional(),
    timers: z.array(z.object({ delayName: z.string(), dueAt: z.string() })).optional(),
    problem: z.string().optional(),
    applied: z.boolean().optional(),
  })
  .openapi('MigrationItem');
