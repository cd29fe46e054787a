/**
 * MERGE SHIM — the h1/h2 delivery contract, written here until h1's runtime changes land in this
 * branch. At merge, replace the bodies with re-exports from `@hireflow/runtime`
 * (`undeliverableTransport`, `retryEffect`, `discardEffect`, the widened `DeliveryResult`, the
 * `OutboxStatus` with `captured | undeliverable | discarded`) and delete {@link withUndeliverable}
 * (h1's worker parks `undeliverable` results itself).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type HireflowDb, type OutboxRow, runtimeSchema, type Transport } from '../runtime.ts';

/** Every status an outbox row can have under the contract. */
export const EFFECT_STATUSES = [
  'pending',
  'delivered',
  'dead',
  'captured',
  'undeliverable',
  'discarded',
] as const;
/** One of {@link EFFECT_STATUSES}. */
export type EffectStatus = (typeof EFFECT_STATUSES)[number];

/** What a transport answers (the contract's widened result). */
export type DeliveryOutcome =
  | { ok: true; detail?: string }
  | { ok: false; error: string; permanent?: boolean }
  | { ok: false; undeliverable: true; error: string };

/** A transport under the contract. */
export type ContractTransport = (effect: OutboxRow) => Promise<DeliveryOutcome>;

/** Answers `undeliverable` with `reason` for every effect: no transport is configured. */
export function undeliverableTransport(reason: string): ContractTransport {
  return async () => ({ ok: false, undeliverable: true, error: reason });
}

/** Routes by effect type; a type without a route goes to `fallback` (normally undeliverable). */
export function routeContractTransports(
  routes: Partial<Record<string, ContractTransport>>,
  fallback: ContractTransport,
): ContractTransport {
  return (effect) => (routes[effect.type] ?? fallback)(effect);
}

const { outbox } = runtimeSchema;

/**
 * Adapts a contract transport to today's runtime worker: an `undeliverable` answer parks the row as
 * `undeliverable` with the reason before the worker sees a failure (which it then ignores, as the row
 * is no longer pending).
 */
export function withUndeliverable(db: HireflowDb, transport: ContractTransport): Transport {
  return async (effect) => {
    const result = await transport(effect);
    if (result.ok) return { ok: true };
    if ('undeliverable' in result) {
      db.orm
        .update(outbox)
        .set({ status: 'undeliverable' as never, lastError: result.error })
        .where(and(eq(outbox.id, effect.id), eq(outbox.status, 'pending')))
        .run();
      return { ok: false, error: result.error, permanent: true };
    }
    return result;
  };
}

/** An admin's retry: dead or undeliverable → pending, attempts reset, due now. False otherwise. */
export function retryEffect(db: HireflowDb, id: string, now: number): boolean {
  return (
    db.orm
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(and(eq(outbox.id, id), inArray(outbox.status, ['dead', 'undeliverable'] as never[])))
      .run().changes === 1
  );
}

/** An admin's discard: dead or undeliverable → discarded. False otherwise. */
export function discardEffect(db: HireflowDb, id: string, _now: number): boolean {
  return (
    db.orm
      .update(outbox)
      .set({ status: 'discarded' as never })
      .where(and(eq(outbox.id, id), inArray(outbox.status, ['dead', 'undeliverable'] as never[])))
      .run().changes === 1
  );
}

/** Effects by status (any of the contract's), newest first — the dead-letter view's query. */
export function listEffectsByStatus(
  db: HireflowDb,
  status: EffectStatus | undefined,
  limit: number,
): OutboxRow[] {
  return db.orm
    .select()
    .from(outbox)
    .where(status === undefined ? undefined : eq(outbox.status, status as never))
    .orderBy(sql`${outbox.createdAt} desc`)
    .limit(limit)
    .all();
}

/** One effect by id. */
export function getEffect(db: HireflowDb, id: string): OutboxRow | undefined {
  return db.orm.select().from(outbox).where(eq(outbox.id, id)).get();
}

/** How many effects have each status. */
export function countEffectsByStatus(db: HireflowDb): Record<string, number> {
  const rows = db.orm
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * A sandbox switched to `deliver`: its captured effects become pending so the delivery loop takes
 * them (today's runtime leaves sandbox effects pending anyway; under the contract they are `captured`).
 */
export function releaseCaptured(db: HireflowDb): number {
  return db.orm
    .update(outbox)
    .set({ status: 'pending' })
    .where(eq(outbox.status, 'captured' as never))
    .run().changes;
}
