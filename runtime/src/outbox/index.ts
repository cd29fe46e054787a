/** Delivery of effects (notifications, outbound webhooks, tickets) after commit. Node only. */
export { createOutboxWorker, type OutboxWorkerOptions } from './outboxWorker.ts';
export { createTicketTransport } from './ticketTransport.ts';
export {
  createRecordingTransport,
  createWebhookTransport,
  type DeliveryResult,
  type RecordedEffect,
  routeTransports,
  type Transport,
} from './transports.ts';
