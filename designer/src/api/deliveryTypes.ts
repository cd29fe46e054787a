/**
 * Shapes of the delivery routes (server `schemas/delivery.ts`). Kept small and beside the client
 * until the designer's types are generated from the OpenAPI document.
 */
export type EffectStatus = 'pending' | 'delivered' | 'dead' | 'captured' | 'undeliverable' | 'discarded';

/** An outbox effect. */
export interface Effect {
  id: string;
  instanceId: string | null;
  effectKey: string;
  type: string;
  payload: unknown;
  status: EffectStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
}

/** One in-app notification. */
export interface Notification {
  id: number;
  instanceId: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** How a user is notified. */
export interface NotificationPreferences {
  email: 'immediate' | 'digest' | 'off';
  inApp: boolean;
}

/** The delivery status page. */
export interface DeliveryStatus {
  channels: { channel: string; configured: boolean; detail: string }[];
  counts: Record<string, number>;
  deliveringSandboxes: string[];
}

/** A chat channel (its URL is never shown, only the host). */
export interface ChatChannel {
  id: string;
  businessUnit: string;
  name: string;
  kind: 'slack' | 'teams';
  host: string;
  roles: string[];
  createdAt: string;
}
