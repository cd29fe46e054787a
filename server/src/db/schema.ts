import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
