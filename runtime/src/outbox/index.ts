/** Delivery of effects (notifications, outbound webhooks, tickets) after commit. Node only. */
export {
  createGuardedFetch,
  describeFetchError,
  type GuardedFetchOptions,
  OutboundRefusedError,
} from './guardedFetch.ts';
export { type Cidr, type IpAddress, internalRangeOf, parseCidr, parseIp } from './ipRanges.ts';
export {
  checkOutboundAddress,
  checkOutboundUrl,
  isHostAllowed,
  NO_OUTBOUND_ALLOW,
  type OutboundAllowList,
  type OutboundVerdict,
  parseOutboundAllow,
} from './outboundPolicy.ts';
export { createOutboxWorker, type OutboxWorkerOptions } from './outboxWorker.ts';
export { createTicketTransport } from './ticketTransport.ts';
export {
  createRecordingTransport,
  type DeliveryResult,
  type RecordedEffect,
  routeTransports,
  type Transport,
  undeliverableTransport,
} from './transports.ts';
export {
  createWebhookTransport,
  generateWebhookSecret,
  type WebhookTransportOptions,
} from './webhookTransport.ts';
