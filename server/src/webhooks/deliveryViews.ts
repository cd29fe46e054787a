import type { DeliveryAttemptRow, DeliveryRow } from '../db/deliveryLog.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { canSeeUnit, type Principal } from '../http/principal.ts';
import { getWorkflow } from '../runtime.ts';
import type { DeliveryOutcome, MappingResult } from './deliveryOutcome.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A delivery log row as the API shows it: ids, digest and outcome, never the body. */
export function toDeliverySummary(row: DeliveryRow) {
  return {
    id: row.id,
    vendor: row.vendor,
    vendorDeliveryId: row.vendorDeliveryId,
    receivedAt: iso(row.receivedAt),
    bodyDigest: row.bodyDigest,
    bodyBytes: row.bodyBytes,
    vendorEvent: row.vendorEvent,
    externalRef: row.externalRef,
    stage: row.stage,
    outcome: row.outcome as DeliveryOutcome,
    reason: row.reason,
    duplicateOf: row.duplicateOf,
    attempts: row.attempts,
    lastProcessedAt: iso(row.lastProcessedAt),
  };
}

/**
 * The full view: the summary, the results of the workflows the caller may see (another unit's
 * workflow and instance ids are left out), each processing, and whether it can be re-processed.
 */
export function toDeliveryDetail(
  store: ServerStore,
  principal: Principal,
  row: DeliveryRow,
  attempts: DeliveryAttemptRow[],
  bodyKept: boolean,
) {
  const results = (row.results as MappingResult[]).filter((result) =>
    canSeeUnit(principal, getWorkflow(store.db, result.workflowId)?.businessUnit),
  );
  return {
    ...toDeliverySummary(row),
    results,
    history: attempts.map((a) => ({ at: iso(a.at), actor: a.actor, outcome: a.outcome, reason: a.reason })),
    bodyKept,
  };
}
