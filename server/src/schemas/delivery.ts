import { z } from '@hono/zod-openapi';
import { OUTBOX_STATUSES } from '../runtime.ts';
import { BusinessUnit, UserRoleSchema } from './common.ts';

/** An outbox effect as the API shows it (payload included: it holds no personal data). */
export const EffectSchema = z
  .object({
    id: z.string(),
    instanceId: z.string().nullable(),
    effectKey: z.string(),
    type: z.string(),
    payload: z.unknown(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    nextAttemptAt: z.string(),
  })
  .openapi('Effect');

/** A chat channel as the API shows it: the URL is a credential, so only its host. */
export const ChatChannelSchema = z
  .object({
    id: z.string(),
    businessUnit: z.string(),
    name: z.string(),
    kind: z.enum(['slack', 'teams']),
    host: z.string(),
    roles: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('ChatChannel');

/** Body of `POST /api/chat-channels`. */
export const NewChatChannel = z.strictObject({
  businessUnit: BusinessUnit,
  name: z.string().min(1).max(80),
  kind: z.enum(['slack', 'teams']),
  url: z.string().min(1).max(2000),
  /** Roles / approver groups whose notifications go to this channel; `*` = every notify of the unit. */
  roles: z
    .array(z.union([UserRoleSchema, z.literal('*')]))
    .min(1)
    .max(20)
    .default(['*']),
});

/** One in-app notification. */
export const NotificationSchema = z
  .object({
    id: z.number().int(),
    instanceId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

/** A user's notification preferences. */
export const PreferencesSchema = z
  .strictObject({
    email: z.enum(['immediate', 'digest', 'off']),
    inApp: z.boolean(),
  })
  .openapi('NotificationPreferences');

/** The delivery status page. */
export const DeliveryStatusSchema = z
  .object({
    channels: z.array(
      z.object({
        channel: z.enum(['email', 'chat', 'inApp', 'webhook', 'ticket']),
        configured: z.boolean(),
        detail: z.string(),
      }),
    ),
    counts: z.record(z.string(), z.number().int()),
    deliveringSandboxes: z.array(z.string()),
  })
  .openapi('DeliveryStatus');
