import { findInstancesByExternalRef } from '../db/instanceLookup.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { claimDelivery, findMappings, recordDeliveryOutcome } from '../db/webhookStore.ts';
import type { Engine } from '../runtime.ts';
import type { NormalizedDelivery, VendorAdapter } from './vendorAdapter.ts';

/** What a delivery did: `duplicate` when already seen; otherwise per mapped instance. */
export interface IngestOutcome {
  duplicate: boolean;
  results: { workflowId: string; instanceId: string | null; outcome: string }[];
}

/**
 * Applies a verified delivery in ONE transaction with its inbox row: claim the delivery id (a repeat
 * stops here), map vendor event + stage to workflow events, send each to the subject's instance.
 * A crash rolls back both, so the vendor's retry is applied exactly once.
 */
export function ingestDelivery(
  store: ServerStore,
  engine: Engine,
  vendor: VendorAdapter['vendor'],
  delivery: NormalizedDelivery,
  now: number,
): IngestOutcome {
  return store.db.transaction((): IngestOutcome => {
    const claimed = claimDelivery(store, {
      vendor,
      deliveryId: delivery.deliveryId,
      vendorEvent: delivery.vendorEvent,
      now,
    });
    if (!claimed) return { duplicate: true, results: [] };
    const results: IngestOutcome['results'] = [];
    for (const mapping of findMappings(store, vendor, delivery.vendorEvent, delivery.stage)) {
      const targets = delivery.externalRef
        ? findInstancesByExternalRef(store.db, mapping.workflowId, delivery.externalRef)
        : [];
      if (targets.length === 0)
        results.push({ workflowId: mapping.workflowId, instanceId: null, outcome: 'no_instance' });
      for (const target of targets) {
        const step = engine.send(
          target.id,
          { type: mapping.workflowEvent, payload: { source: vendor, ...delivery.payload } },
          {
            actor: {
              id: `webhook:${vendor}`,
              role: mapping.actAsRole,
              via: 'webhook',
              businessUnits: [target.businessUnit],
            },
            idempotencyKey: `${vendor}:${delivery.deliveryId}`,
          },
        );
        results.push({
          workflowId: mapping.workflowId,
          instanceId: target.id,
          outcome: step.ok ? 'sent' : `refused:${step.code}`,
        });
      }
    }
    const summary = results.length === 0 ? 'unmapped' : results.map((r) => r.outcome).join(',');
    recordDeliveryOutcome(
      store,
      vendor,
      delivery.deliveryId,
      summary.slice(0, 500),
      results[0]?.instanceId ?? null,
    );
    return { duplicate: false, results };
  });
}
