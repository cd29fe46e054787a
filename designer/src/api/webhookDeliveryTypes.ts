/**
 * The delivery log's shapes, as `server/src/routes/deliveryLogRoutes.ts` declares them (OpenAPI
 * `WebhookDelivery`, `WebhookDeliveryDetail`, `WebhookDeliveryAnswer`). Written out here until the
 * designer's types are generated from the OpenAPI document; keep them in step with those schemas.
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
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface WebhookDelivery {
  id: string;
  vendor: string;
  vendorDeliveryId: string | null;
  receivedAt: string;
  bodyDigest: string;
  bodyBytes: number;
  vendorEvent: string | null;
  externalRef: string | null;
  stage: string | null;
  outcome: DeliveryOutcome;
  reason: string | null;
  duplicateOf: string | null;
  attempts: number;
  lastProcessedAt: string;
}

export interface DeliveryResult {
  workflowId: string;
  instanceId: string | null;
  outcome: 'started' | 'applied' | 'already_started' | 'no_instance' | 'refused';
  reason?: string;
}

export interface WebhookDeliveryDetail extends WebhookDelivery {
  results: DeliveryResult[];
  history: { at: string; actor: string; outcome: string; reason: string | null }[];
  bodyKept: boolean;
}
