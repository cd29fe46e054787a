import { randomUUID } from 'node:crypto';
import { findByDedupeKey, insertDelivery, recordProcessing } from '../db/deliveryLog.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { pruneBodies, storeBody } from '../db/webhookBodies.ts';
import type { Engine } from '../runtime.ts';
import { applyMappings } from './applyMappings.ts';
import {
  type DeliveryOutcome,
  type MappingResult,
  REPROCESSABLE,
  summarizeResults,
} from './deliveryOutcome.ts';
import {
  bodyDigest,
  type NormalizedDelivery,
  type VendorAdapter,
  type WebhookRequest,
} from './vendorAdapter.ts';

/** What the webhook route answers about a delivery (and what the log holds). */
export interface Received {
  /** The delivery log row's id. */
  id: string;
  outcome: DeliveryOutcome;
  duplicate: boolean;
  reason: string | null;
  results: MappingResult[];
}

/** The log columns every row has, from the request alone. */
const baseRow = (vendor: string, request: WebhookRequest, id: string) => ({
  id,
  vendor,
  bodyDigest: bodyDigest(request.raw),
  bodyBytes: request.raw.length,
  receivedAt: request.now,
});

/**
 * Logs a delivery refused at the door (bad signature, malformed, too large): only the log row, never
 * the body. `vendorDeliveryId` is whatever id header came with it, unverified, capped. An oversized
 * body is not read: its digest is empty and its size the announced one (or the limit it passed).
 */
export function logRefusedDelivery(
  store: ServerStore,
  adapter: VendorAdapter,
  request: Omit<WebhookRequest, 'raw'> & { raw: Buffer | { unreadBytes: number } },
  outcome: Extract<DeliveryOutcome, 'invalid_signature' | 'malformed' | 'oversized' | 'failed'>,
  reason: string,
): string {
  const id = randomUUID();
  const header = adapter.parseHeaders[0];
  const label = header === undefined ? undefined : request.header(header);
  const { raw } = request;
  insertDelivery(
    store,
    {
      ...(Buffer.isBuffer(raw)
        ? baseRow(adapter.vendor, { ...request, raw }, id)
        : {
            id,
            vendor: adapter.vendor,
            bodyDigest: '',
            bodyBytes: raw.unreadBytes,
            receivedAt: request.now,
          }),
      vendorDeliveryId: label?.slice(0, 200) ?? null,
      dedupeKey: null,
      vendorEvent: null,
      externalRef: null,
      stage: null,
      outcome,
      reason,
      results: [],
      businessUnits: [],
    },
    `webhook:${adapter.vendor}`,
  );
  return id;
}

/**
 * Receives a verified, parsed delivery in ONE transaction: the log row claims the dedupe key (a
 * repeat is logged as `duplicate` and does nothing), the mappings run through the engine, the outcome
 * is recorded, and the raw body is kept only when the delivery did not apply (for re-processing).
 * A crash rolls everything back, so the vendor's retry is processed as if first.
 */
export function receiveDelivery(
  store: ServerStore,
  engine: Engine,
  adapter: VendorAdapter,
  request: WebhookRequest,
  delivery: NormalizedDelivery,
  body: unknown,
): Received {
  const actor = `webhook:${adapter.vendor}`;
  return store.db.transaction((): Received => {
    pruneBodies(store, request.now);
    const id = randomUUID();
    const row = {
      ...baseRow(adapter.vendor, request, id),
      vendorDeliveryId: delivery.vendorDeliveryId?.slice(0, 200) ?? null,
      vendorEvent: delivery.vendorEvent.slice(0, 200),
      externalRef: delivery.externalRef?.slice(0, 200) ?? null,
      stage: delivery.stage?.slice(0, 200) ?? null,
      reason: null,
      results: [],
    };
    if (
      !insertDelivery(
        store,
        { ...row, dedupeKey: delivery.dedupeKey, outcome: 'no_mapping', businessUnits: [] },
        actor,
      )
    ) {
      const original = findByDedupeKey(store, adapter.vendor, delivery.dedupeKey);
      insertDelivery(
        store,
        {
          ...row,
          dedupeKey: null,
          outcome: 'duplicate',
          duplicateOf: original?.id ?? null,
          businessUnits: original?.businessUnits ?? [],
        },
        actor,
      );
      return { id, outcome: 'duplicate', duplicate: true, reason: null, results: [] };
    }
    const applied = applyMappings(store, engine, adapter.vendor, delivery, body);
    const summary = summarizeResults(applied.results);
    recordProcessing(store, id, { ...summary, ...applied }, request.now, actor, true);
    if (REPROCESSABLE.has(summary.outcome)) {
      const headers: Record<string, string> = {};
      for (const name of adapter.parseHeaders) {
        const value = request.header(name);
        if (value !== undefined) headers[name] = value;
      }
      storeBody(store, id, delivery.externalRef ?? null, { raw: request.raw, headers }, request.now);
    }
    return { id, ...summary, duplicate: false, results: applied.results };
  });
}
