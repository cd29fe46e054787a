/**
 * Server-only queries on outbox rows the runtime store has no function for: the sandbox `deliver`
 * switch's hold and release of captured effects. Statuses, retry/discard, listing and counts
 * are the runtime's (`@hireflow/runtime`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type HireflowDb, runtimeSchema } from '../runtime.ts';

const { outbox } = runtimeSchema;

/**
 * The `detail` written on a sandbox's captured effects when an admin switches it to `deliver`: they
 * stay `captured` (never sent), so only effects written after the switch go out.
 */
export const CAPTURED_BEFORE_DELIVER = 'captured before the sandbox was switched to deliver; never sent';

/**
 * Called when a sandbox is switched to `deliver`: marks the effects it captured so far (detail
 * {@link CAPTURED_BEFORE_DELIVER}) so {@link releaseCaptured} never sends them. Returns how many.
 */
export function holdCapturedBeforeDeliver(db: HireflowDb): number {
  return db.orm
    .update(outbox)
    .set({ detail: CAPTURED_BEFORE_DELIVER })
    .where(and(eq(outbox.status, 'captured'), isNull(outbox.detail)))
    .run().changes;
}

/**
 * A sandbox in `deliver` mode: its captured effects written since the switch (not marked by
 * {@link holdCapturedBeforeDeliver}) become pending so the delivery loop takes them. The runtime's
 * sandbox engine writes every effect as `captured`; this is the one place a sandbox effect is released.
 */
export function releaseCaptured(db: HireflowDb): number {
  return db.orm
    .update(outbox)
    .set({ status: 'pending' })
    .where(and(eq(outbox.status, 'captured'), isNull(outbox.detail)))
    .run().changes;
}
