import { z } from 'zod';
import { ActionSpec } from './actions.ts';
import { CelExpression, EventName, Id, RoleName } from './primitives.ts';

/** A transition a user, an ATS webhook or the system triggers with an event. */
export const TransitionSpec = z.strictObject({
  /** Stable id, used by the designer and by diffs. */
  id: Id,
  event: EventName,
  /** Id of the target state (any state of the workflow: ids are unique across the spec). */
  target: Id,
  label: z.string().max(120).optional(),
  /** CEL over the context (and `event`, `now`); the transition is taken only when true. */
  guard: CelExpression.optional(),
  actions: z.array(ActionSpec).default([]),
  /** The actor must write a note (e.g. a disposition reason on rejection). */
  requiresNote: z.boolean().default(false),
  /** Only these roles may send the event; empty = anyone with access to the instance. */
  allowedRoles: z.array(RoleName).default([]),
  /** Allowed but flagged in reports and the audit log (e.g. offer → back to interviews). */
  flag: z.enum(['regression']).optional(),
});
export type TransitionSpec = z.infer<typeof TransitionSpec>;

/** A branch of a decision state: taken immediately when its guard holds; the unguarded one is "otherwise". */
export const BranchSpec = z.strictObject({
  id: Id,
  target: Id,
  label: z.string().max(120).optional(),
  guard: CelExpression.optional(),
  actions: z.array(ActionSpec).default([]),
});
export type BranchSpec = z.infer<typeof BranchSpec>;
