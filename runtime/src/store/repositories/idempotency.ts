import { and, eq, lt, sql } from 'drizzle-orm';
import type { JsonValue } from '../../model/index.ts';
import type { HireflowDb } from '../openDatabase.ts';
import { preparedFor } from '../prepared.ts';
import { idempotencyKeys } from '../schema/index.ts';

/** A stored request result. */
export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

const placeholder = sql.placeholder;

const statements = preparedFor(({ orm }) => ({
  get: orm
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, placeholder('scope')), eq(idempotencyKeys.key, placeholder('key'))))
    .prepare(),
  put: orm
    .insert(idempotencyKeys)
    .values({
      scope: placeholder('scope'),
      key: placeholder('key'),
      requestHash: placeholder('requestHash'),
      response: placeholder('response'),
      createdAt: placeholder('now'),
    })
    .onConflictDoNothing()
    .prepare(),
}));

/**
 * The stored result for `key` within `scope`. The caller compares `requestHash`: same hash → return
 * the stored response; different hash → the key was reused for another request, an error.
 */
export function getIdempotencyRecord(
  db: HireflowDb,
  scope: string,
  key: string,
): IdempotencyRecord | undefined {
  return statements(db).get.get({ scope, key });
}

/** Stores a result in the same transaction as the step; false if the key was already stored. */
export function putIdempotencyRecord(
  db: HireflowDb,
  record: { scope: string; key: string; requestHash: string; response: JsonValue; now: number },
): boolean {
  return statements(db).put.run(record).changes === 1;
}

/** Deletes records created before `before` (epoch ms); returns how many. */
export function pruneIdempotencyRecords(db: HireflowDb, before: number): number {
  return db.orm.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
}
