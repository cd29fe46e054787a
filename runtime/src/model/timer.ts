import { z } from 'zod';
import { ActionSpec } from './actions.ts';
import { Duration, FieldPath, Id } from './primitives.ts';

/**
 * A timer armed when its state is entered and canceled when the state is left.
 *
 * - `sla`: one rung of an escalation ladder (3 business days → remind, 5 → escalate, 7 → reassign).
 *   Suppression windows defer it.
 * - `deadline`: a hard due date, e.g. "offer expires 5 business days after offer.sentAt". Never deferred.
 */
export const TimerSpec = z.strictObject({
  id: Id,
  kind: z.enum(['sla', 'deadline']).default('sla'),
  label: z.string().max(120).optional(),
  after: Duration,
  /** Count from this timestamp field instead of from the time the state was entered. */
  from: FieldPath.optional(),
  actions: z.array(ActionSpec).default([]),
  /** Move the instance to this state when the timer fires. */
  target: z.string().optional(),
});
export type TimerSpec = z.infer<typeof TimerSpec>;
