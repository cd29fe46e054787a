import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { JsonValue } from '../../model/index.ts';
import { instances } from './instances.ts';

/** Stored results of requests that carried an idempotency key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    /** What the key is unique within, e.g. `instance:<id>` or `start:<workflowId>`. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** sha256 of the canonical request: same key + different request is an error, not a replay. */
    requestHash: text('request_hash').notNull(),
    response: text('response', { mode: 'json' }).$type<JsonValue>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Delivery state of an effect: retried while pending, parked as dead after the last attempt. */
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** Effects (notifications, webhooks, ATS write-backs) written in the step's transaction, sent after. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').references(() => instances.id),
    /** Idempotency key of the effect, also sent to the receiver; enqueueing it twice is a no-op. */
    effectKey: text('effect_key').notNull().unique(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).$type<JsonValue>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Epoch milliseconds; a claim pushes it out by the lease so a crashed worker's claim expires. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_instance').on(t.instanceId).where(sql`instance_id is not null`),
  ],
);
