import type { components } from './generated/openapi.ts';

/**
 * The designer's names for the delivery routes' shapes (effects, notifications, chat channels, the
 * status page), derived from the one HTTP contract (`generated/openapi.ts`): nothing hand-kept.
 */
type Schemas = components['schemas'];

export type Effect = Schemas['Effect'];
export type EffectStatus = Effect['status'];
export type Notification = Schemas['Notification'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type ChatChannel = Schemas['ChatChannel'];
