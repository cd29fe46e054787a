import type { components } from './generated/openapi.ts';

/**
 * The ATS delivery log's shapes (`server/src/routes/deliveryLogRoutes.ts`), derived from the one HTTP
 * contract (`generated/openapi.ts`): nothing hand-kept.
 */
type Schemas = components['schemas'];

export type WebhookDelivery = Schemas['WebhookDelivery'];
export type DeliveryOutcome = WebhookDelivery['outcome'];
export type WebhookDeliveryDetail = Schemas['WebhookDeliveryDetail'];
export type DeliveryResult = WebhookDeliveryDetail['results'][number];

/** Every outcome, in the order the filter lists them; the type check keeps it complete and exact. */
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
] as const satisfies readonly DeliveryOutcome[];

// A compile error here means the server gained an outcome the filter does not list.
type Missing = Exclude<DeliveryOutcome, (typeof DELIVERY_OUTCOMES)[number]>;
const complete: Missing extends never ? true : never = true;
void complete;
