import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The roles a user can hold; `auditor` reads across business units and writes nothing. */
export const ROLES = [
  'admin',
  'designer',
  'recruiter',
  'hiring_manager',
  'hrbp',
  'approver',
  'auditor',
] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** People who sign in to the designer or own API tokens. Passwords are scrypt hashes, never plain. */
export const users = sqliteTable('server_users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** System roles plus the organisation's own approver groups (finance, ta_manager…). */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  businessUnits: text('business_units', { mode: 'json' }).$type<string[]>().notNull(),
  /** Set when an admin deactivates the user: every session and token stops working at once. */
  deactivatedAt: integer('deactivated_at'),
  createdAt: integer('created_at').notNull(),
});

/** Designer sessions; the cookie holds the random id, the table only its sha256. */
export const sessions = sqliteTable(
  'server_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('server_sessions_user').on(t.userId)],
);

/** Personal API tokens for integrations: shown once, stored as sha256. */
export const apiTokens = sqliteTable(
  'server_api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('server_api_tokens_user').on(t.userId)],
);

/** Signing secrets of inbound webhooks; several may be active per vendor during a rotation. */
export const webhookSecrets = sqliteTable('server_webhook_secrets', {
  id: text('id').primaryKey(),
  vendor: text('vendor').notNull(),
  secret: text('secret').notNull(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/** Every accepted webhook delivery, keyed by the vendor's delivery id: a second delivery is a no-op. */
export const webhookInbox = sqliteTable(
  'server_webhook_inbox',
  {
    vendor: text('vendor').notNull(),
    deliveryId: text('delivery_id').notNull(),
    receivedAt: integer('received_at').notNull(),
    vendorEvent: text('vendor_event').notNull(),
    /** What the delivery did: `sent`, `refused:<code>`, `unmapped`, `no_instance`. */
    outcome: text('outcome').notNull(),
    instanceId: text('instance_id'),
  },
  (t) => [primaryKey({ columns: [t.vendor, t.deliveryId] })],
);

/** Per workflow: which vendor event (and stage) becomes which workflow event. */
export const eventMappings = sqliteTable(
  'server_event_mappings',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    vendor: text('vendor').notNull(),
    vendorEvent: text('vendor_event').notNull(),
    /** Matches the vendor's stage name when set; null matches any stage. */
    stage: text('stage'),
    workflowEvent: text('workflow_event').notNull(),
    /** The role the event is sent in (transitions may allow only some roles); the ATS user's role. */
    actAsRole: text('act_as_role').notNull().default('recruiter'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('server_event_mappings_lookup').on(t.vendor, t.vendorEvent)],
);

/** Who read which audit data when: reads of the audit log are themselves audited. */
export const accessLog = sqliteTable('server_access_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  userId: text('user_id').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
});

/** Server-side facts about workflows the runtime store does not keep (who saved last, archival). */
export const workflowMeta = sqliteTable('server_workflow_meta', {
  workflowId: text('workflow_id').primaryKey(),
  updatedBy: text('updated_by').notNull(),
  archivedAt: integer('archived_at'),
});

/**
 * Slack-compatible or Microsoft Teams incoming webhooks of a business unit. A notify to a role
 * reaches the unit's channels subscribed to that role (or to `*`).
 */
export const chatChannels = sqliteTable(
  'server_chat_channels',
  {
    id: text('id').primaryKey(),
    businessUnit: text('business_unit').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'slack' | 'teams'>().notNull(),
    /** The incoming-webhook URL: it is the credential, so the API shows only its host. */
    url: text('url').notNull(),
    roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('server_chat_channels_unit').on(t.businessUnit)],
);

/** In-app notifications, one row per user; `dedupeKey` collapses repeated reminders of one rung. */
export const notifications = sqliteTable(
  'server_notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    dedupeKey: text('dedupe_key').notNull(),
    /** The outbox effect that made it: a retry of the same effect is not a duplicate. */
    effectKey: text('effect_key').notNull(),
    instanceId: text('instance_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** False when the user turned in-app off but collects a digest: kept for the digest only. */
    inApp: integer('in_app', { mode: 'boolean' }).notNull(),
    /** True until the daily digest has mailed it (users whose email mode is `digest`). */
    digestPending: integer('digest_pending', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    uniqueIndex('server_notifications_dedupe').on(t.userId, t.dedupeKey),
    index('server_notifications_digest').on(t.digestPending, t.userId),
  ],
);

/** Per-user notification preferences; no row = defaults (email immediate, in-app on). */
export const notificationPreferences = sqliteTable('server_notification_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email').$type<'immediate' | 'digest' | 'off'>().notNull(),
  inApp: integer('in_app', { mode: 'boolean' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Which channels of a notify effect are done, so a retry sends only what failed. */
export const notifyProgress = sqliteTable(
  'server_notify_progress',
  {
    effectKey: text('effect_key').notNull(),
    channel: text('channel').notNull(),
    doneAt: integer('done_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.effectKey, t.channel] })],
);

/** Admin retries and discards of effects, with the reason: kept apart from the instances' chains. */
export const effectActions = sqliteTable('server_effect_actions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  userId: text('user_id').notNull(),
  effectId: text('effect_id').notNull(),
  action: text('action').$type<'retry' | 'discard'>().notNull(),
  reason: text('reason'),
});

/** Opt-in per sandbox: `deliver` sends its effects through the production transports (rehearsal). */
export const sandboxDelivery = sqliteTable('server_sandbox_delivery', {
  name: text('name').primaryKey(),
  mode: text('mode').$type<'capture' | 'deliver'>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
