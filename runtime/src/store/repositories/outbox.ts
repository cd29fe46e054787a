import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { JsonValue } from '../../model/index.ts';
import type { HireflowDb } from '../openDatabase.ts';
import { placeholderFor, preparedFor } from '../prepared.ts';
import { type OutboxStatus, outbox } from '../schema/index.ts';
import { type OutboxRetryPolicy, outboxBackoffMs } from './outboxBackoff.ts';

/** An effect as stored in the outbox. */
export type OutboxRow = typeof outbox.$inferSelect;

/** What {@link enqueueEffect} needs. `effectKey` makes enqueueing idempotent. */
export interface NewEffect {
  id?: string;
  instanceId: string | null;
  effectKey: string;
  type: string;
  payload: JsonValue;
  now: number;
  /** `captured` in sandboxes: recorded, never claimed by a worker. Default `pending`. */
  status?: 'pending' | 'captured';
}

const placeholder = sql.placeholder;

const statements = preparedFor(({ orm }) => ({
  enqueue: orm
    .insert(outbox)
    .values({
      id: placeholder('id'),
      instanceId: placeholder('instanceId'),
      effectKey: placeholder('effectKey'),
      type: placeholder('type'),
      payload: placeholder('payload'),
      status: placeholderFor('status', outbox.status),
      nextAttemptAt: placeholder('now'),
      createdAt: placeholder('now'),
    })
    .onConflictDoNothing({ target: outbox.effectKey })
    .prepare(),
  // Claiming counts the attempt and leases the row until `leaseUntil`: if the worker dies mid-delivery
  // the effect becomes due again (at least once), and a second worker never takes a leased row.
  claim: orm
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: placeholderFor('leaseUntil', outbox.nextAttemptAt),
    })
    .where(
      inArray(
        outbox.id,
        orm
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), sql`${outbox.nextAttemptAt} <= ${placeholder('now')}`))
          .orderBy(asc(outbox.nextAttemptAt))
          .limit(placeholder('limit')),
      ),
    )
    .returning()
    .prepare(),
  delivered: orm
    .update(outbox)
    .set({
      status: 'delivered',
      deliveredAt: placeholderFor('now', outbox.deliveredAt),
      detail: placeholderFor('detail', outbox.detail),
      lastError: null,
    })
    .where(and(eq(outbox.id, placeholder('id')), eq(outbox.status, 'pending')))
    .prepare(),
}));

/** Orders effect keys `<instance>:<revision>:<index>` numerically on their trailing numbers (10 after 9). */
function compareEffectKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Adds an effect in the step's transaction; false when the same `effectKey` is already queued. */
export function enqueueEffect(db: HireflowDb, effect: NewEffect): boolean {
  return (
    statements(db).enqueue.run({
      ...effect,
      id: effect.id ?? randomUUID(),
      status: effect.status ?? 'pending',
    }).changes === 1
  );
}

/** Takes up to `limit` due effects for delivery, leasing them for `leaseMs`; earliest first. */
export function claimDueEffects(db: HireflowDb, now: number, limit: number, leaseMs = 60_000): OutboxRow[] {
  const rows = statements(db).claim.all({ now, limit, leaseUntil: now + leaseMs });
  // RETURNING order is unspecified; every claimed row now has the same lease, so order by age.
  return rows.sort((a, b) => a.createdAt - b.createdAt || compareEffectKeys(a.effectKey, b.effectKey));
}

/**
 * Marks a claimed effect delivered (the transport confirmed), keeping what it reported in `detail`;
 * false when it is not pending (e.g. already delivered).
 */
export function markEffectDelivered(db: HireflowDb, id: string, now: number, detail?: string): boolean {
  return statements(db).delivered.run({ id, now, detail: detail ?? null }).changes === 1;
}

/**
 * Parks a claimed effect as `undeliverable`: no transport is configured for its channel. It is not
 * retried until an admin retries it; false when it is not pending.
 */
export function markEffectUndeliverable(db: HireflowDb, id: string, reason: string): boolean {
  return (
    db.orm
      .update(outbox)
      .set({ status: 'undeliverable', lastError: reason })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
      .run().changes === 1
  );
}

/**
 * Records a failed delivery: schedules the next attempt with exponential backoff and jitter, or
 * parks the effect as dead once `policy.maxAttempts` attempts failed. Returns the new status.
 */
export function markEffectFailed(
  db: HireflowDb,
  id: string,
  failure: { error: string; now: number; policy?: Partial<OutboxRetryPolicy>; random?: () => number },
): OutboxStatus | undefined {
  return db.transaction(() => {
    const row = db.orm
      .select({ attempts: outbox.attempts, status: outbox.status })
      .from(outbox)
      .where(eq(outbox.id, id))
      .get();
    if (row === undefined || row.status !== 'pending') return row?.status;
    const delay = outboxBackoffMs(row.attempts, failure.policy, failure.random);
    const status: OutboxStatus = delay === undefined ? 'dead' : 'pending';
    db.orm
      .update(outbox)
      .set({ status, lastError: failure.error, nextAttemptAt: failure.now + (delay ?? 0) })
      .where(eq(outbox.id, id))
      .run();
    return status;
  });
}

/** Parks an effect as dead right away (a permanent failure, e.g. HTTP 410); false if not pending. */
export function markEffectDead(db: HireflowDb, id: string, error: string): boolean {
  return (
    db.orm
      .update(outbox)
      .set({ status: 'dead', lastError: error })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
      .run().changes === 1
  );
}
