/**
 * What became of a delivery, as the log and the API name it:
 * - `started` / `applied`: a mapping started an instance / sent its event to the subject's instance;
 * - `already_started`: a start-only mapping met an instance that is already running (nothing to do);
 * - `duplicate`: the same signed delivery was received before (nothing done again);
 * - `no_mapping`: no mapping of any workflow matches the vendor event (and stage);
 * - `no_instance`: mappings match, but the subject has no active instance and none may be started;
 * - `refused`: the engine refused the start or the event (the reason says why);
 * - `invalid_signature`, `malformed`, `oversized`: refused at the door, never parsed or applied;
 * - `failed`: an unexpected server error; nothing was applied and the vendor's retry will try again.
 */
export const DELIVERY_OUTCOMES = [
  'started',
  'applied',
  'already_started',
  'duplicate',
  'no_mapping',
  'no_instance',
  'refused',
  'invalid_signature',
  'malformed',
  'oversized',
  'failed',
] as const;
/** One of {@link DELIVERY_OUTCOMES}. */
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** What one matching mapping did with a delivery. */
export interface MappingResult {
  workflowId: string;
  instanceId: string | null;
  outcome: 'started' | 'applied' | 'already_started' | 'no_instance' | 'refused';
  reason?: string;
}

/** Outcomes an admin may fix and then re-process (the body is kept for them). */
export const REPROCESSABLE: ReadonlySet<DeliveryOutcome> = new Set(['no_mapping', 'no_instance', 'refused']);

// A refusal anywhere is what needs looking at, so it outranks partial success.
const RANK: MappingResult['outcome'][] = ['refused', 'started', 'applied', 'already_started', 'no_instance'];

/** The delivery's outcome from its mappings' results: `no_mapping` when none matched. */
export function summarizeResults(results: readonly MappingResult[]): {
  outcome: DeliveryOutcome;
  reason: string | null;
} {
  if (results.length === 0) return { outcome: 'no_mapping', reason: null };
  const outcome = RANK.find((rank) => results.some((r) => r.outcome === rank)) ?? 'no_instance';
  const reason = results.find((r) => r.outcome === outcome && r.reason)?.reason ?? null;
  return { outcome, reason };
}
