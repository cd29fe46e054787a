import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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

/**
 * The delivery log: one row per request received on a webhook route, whatever became of it. No
 * personal data: ids, a digest of the body, the outcome. `dedupeKey` is set only on the first verified
 * delivery of a signed payload, so the unique index is what makes a re-sent delivery a duplicate
 * (SQLite lets many rows hold NULL: duplicates, refused signatures and malformed bodies).
 */
export const webhookDeliveries = sqliteTable(
  'server_webhook_deliveries',
  {
    id: text('id').primaryKey(),
    vendor: text('vendor').notNull(),
    /** The vendor's own label of the delivery (e.g. `Greenhouse-Event-ID`); informative, may be unsigned. */
    vendorDeliveryId: text('vendor_delivery_id'),
    /** What duplicates share, derived from signed material only (see each adapter). */
    dedupeKey: text('dedupe_key'),
    /** sha256 hex of the raw body as received; empty when it was not read (oversized). */
    bodyDigest: text('body_digest').notNull(),
    bodyBytes: integer('body_bytes').notNull(),
    receivedAt: integer('received_at').notNull(),
    vendorEvent: text('vendor_event'),
    /** The ATS object (application / opportunity id): pseudonymous, our subjects' `externalRef`. */
    externalRef: text('external_ref'),
    stage: text('stage'),
    /** See `DeliveryOutcome` in `webhooks/deliveryOutcome.ts`; the latest processing's. */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** Per matched mapping: `{ workflowId, instanceId, outcome, reason? }[]`. */
    results: text('results', { mode: 'json' }).$type<unknown[]>().notNull(),
    /** Business units of the workflows the delivery touched (who may see the row besides admins). */
    businessUnits: text('business_units', { mode: 'json' }).$type<string[]>().notNull(),
    /** The first delivery this one repeats. */
    duplicateOf: text('duplicate_of'),
    /** How often it was processed (1 on receipt, +1 per re-processing). */
    attempts: integer('attempts').notNull().default(1),
    lastProcessedAt: integer('last_processed_at').notNull(),
  },
  (t) => [
    uniqueIndex('server_webhook_deliveries_dedupe').on(t.vendor, t.dedupeKey),
    index('server_webhook_deliveries_received').on(t.receivedAt),
    index('server_webhook_deliveries_ref').on(t.externalRef),
  ],
);

/** Each processing of a delivery (receipt and every re-processing): who, when, what came of it. */
export const webhookDeliveryAttempts = sqliteTable(
  'server_webhook_delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    at: integer('at').notNull(),
    /** `webhook:<vendor>` on receipt, the user id on a re-processing. */
    actor: text('actor').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
  },
  (t) => [index('server_webhook_delivery_attempts_delivery').on(t.deliveryId)],
);

/**
 * Raw bodies of verified deliveries that did not apply (no mapping, no instance, refused), kept so an
 * admin can re-process them. They may hold candidate personal data, so they live apart from the log
 * and are deleted once applied, after the retention period, or when the ATS object's data is erased.
 */
export const webhookBodies = sqliteTable(
  'server_webhook_bodies',
  {
    deliveryId: text('delivery_id')
      .primaryKey()
      .references(() => webhookDeliveries.id),
    externalRef: text('external_ref'),
    body: blob('body', { mode: 'buffer' }).notNull(),
    /** Request headers the adapter needs to parse again (ids, not signatures). */
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('server_webhook_bodies_ref').on(t.externalRef),
    index('server_webhook_bodies_expiry').on(t.expiresAt),
  ],
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
    /** Sent to the subject's active instances; null for a mapping that only starts instances. */
    workflowEvent: text('workflow_event'),
    /** Start an instance when the subject has no active one of this workflow (ATS "application created"). */
    startIfMissing: integer('start_if_missing', { mode: 'boolean' }).notNull().default(false),
    /** Context fields of a started instance, each read from a path of the vendor payload. */
    context: text('context', { mode: 'json' })
      .$type<{ field: string; path: string }[]>()
      .notNull()
      .default([]),
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
