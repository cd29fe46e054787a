import { and, eq, inArray } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { type OutboxStatus, outbox } from '../schema/index.ts';
import type { OutboxRow } from './outbox.ts';

/** Who resolved a parked effect and why; stored on the row (the caller also audits the action). */
export interface EffectResolution {
  by: string;
  note?: string | undefined;
}

/** What {@link retryEffect} and {@link discardEffect} answer. */
export type EffectAdminResult =
  | { ok: true; effect: OutboxRow; from: OutboxStatus }
  | { ok: false; code: 'NOT_FOUND' }
  | { ok: false; code: 'WRONG_STATUS'; status: OutboxStatus };

/** Statuses an admin can act on: the effect was parked, not delivered and not captured. */
const PARKED: OutboxStatus[] = ['dead', 'undeliverable'];

function resolve(db: HireflowDb, id: string, set: Partial<typeof outbox.$inferInsert>): EffectAdminResult {
  return db.transaction((): EffectAdminResult => {
    const before = db.orm.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)).get();
    if (!before) return { ok: false, code: 'NOT_FOUND' };
    const [effect] = db.orm
      .update(outbox)
      .set(set)
      .where(and(eq(outbox.id, id), inArray(outbox.status, PARKED)))
      .returning()
      .all();
    return effect
      ? { ok: true, effect, from: before.status }
      : { ok: false, code: 'WRONG_STATUS', status: before.status };
  });
}

/**
 * An admin's retry of a `dead` or `undeliverable` effect: `pending` again, attempts reset, due now.
 * Any other status answers `WRONG_STATUS` and changes nothing.
 */
export function retryEffect(
  db: HireflowDb,
  id: string,
  now: number,
  resolution?: EffectResolution,
): EffectAdminResult {
  return resolve(db, id, {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    resolvedBy: resolution?.by ?? null,
    resolvedNote: resolution?.note ?? null,
    resolvedAt: now,
  });
}

/**
 * An admin gives up on a `dead` or `undeliverable` effect: `discarded`, with who and why on the row
 * and `lastError` kept. Any other status answers `WRONG_STATUS` and changes nothing.
 */
export function discardEffect(
  db: HireflowDb,
  id: string,
  now: number,
  resolution?: EffectResolution,
): EffectAdminResult {
  return resolve(db, id, {
    status: 'discarded',
    resolvedBy: resolution?.by ?? null,
    resolvedNote: resolution?.note ?? null,
    resolvedAt: now,
  });
}
