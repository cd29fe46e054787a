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

/**
 * Delivery state of an effect. `pending`: queued or being retried. `delivered`: the transport
 * confirmed (SMTP accepted, 2xx, ticket instance exists). `dead`: the last attempt failed (see
 * `lastError`). `captured`: written in a sandbox, recorded and never sent. `undeliverable`: no
 * transport is configured for the channel. `discarded`: an admin gave up on a dead effect.
 */
export type OutboxStatus = 'pending' | 'delivered' | 'dead' | 'captured' | 'undeliverable' | 'discarded';

/** Every {@link OutboxStatus}, in the order a status page lists them. */
export const OUTBOX_STATUSES = [
  'pending',
  'delivered',
  'dead',
  'undeliverable',
  'discarded',
  'captured',
] as const satisfies readonly OutboxStatus[];

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
    /** What the transport reported on success (e.g. the SMTP message id, the ticket instance id). */
    detail: text('detail'),
    /** Who last retried or discarded the effect, why and when (epoch ms); the caller audits it too. */
    resolvedBy: text('resolved_by'),
    resolvedNote: text('resolved_note'),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_instance').on(t.instanceId).where(sql`instance_id is not null`),
    index('outbox_listing').on(t.createdAt, t.effectKey),
  ],
);

/**
 * Instances that another instance caused, e.g. the ticket opened by an `openTicket` effect: one row
 * per pair, written with the ticket's start, so either side can list the other.
 */
export const instanceLinks = sqliteTable(
  'instance_links',
  {
    /** The instance whose effect opened the other one. */
    sourceId: text('source_id')
      .notNull()
      .references(() => instances.id),
    targetId: text('target_id')
      .notNull()
      .references(() => instances.id),
    /** `ticket` for now. */
    kind: text('kind').notNull(),
    /** The effect that created the link (so a redelivery links nothing twice). */
    effectKey: text('effect_key'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.targetId] }), index('instance_links_target').on(t.targetId)],
);
