import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { webhookDeliveries, webhookDeliveryAttempts } from './schema.ts';

/** A row of the delivery log. */
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
/** One processing of a delivery. */
export type DeliveryAttemptRow = typeof webhookDeliveryAttempts.$inferSelect;

/** What a new log row holds (the rest defaults). */
export type NewDelivery = Omit<DeliveryRow, 'attempts' | 'lastProcessedAt' | 'duplicateOf'> & {
  duplicateOf?: string | null;
};

/**
 * Inserts a log row and its first attempt. With a `dedupeKey` the insert may lose against the unique
 * index (the same signed delivery was logged before): then nothing is written and false comes back.
 */
export function insertDelivery(store: ServerStore, row: NewDelivery, actor: string): boolean {
  const inserted = store.orm
    .insert(webhookDeliveries)
    .values({ ...row, attempts: 1, lastProcessedAt: row.receivedAt })
    .onConflictDoNothing()
    .run();
  if (inserted.changes !== 1) return false;
  insertAttempt(store, row.id, row.receivedAt, actor, row.outcome, row.reason);
  return true;
}

function insertAttempt(
  store: ServerStore,
  deliveryId: string,
  at: number,
  actor: string,
  outcome: string,
  reason: string | null,
): void {
  store.orm.insert(webhookDeliveryAttempts).values({ deliveryId, at, actor, outcome, reason }).run();
}

/** The first logged delivery with this vendor and dedupe key. */
export function findByDedupeKey(
  store: ServerStore,
  vendor: string,
  dedupeKey: string,
): DeliveryRow | undefined {
  return store.orm
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.vendor, vendor), eq(webhookDeliveries.dedupeKey, dedupeKey)))
    .get();
}

/** Records a processing's result on the row (the latest outcome) and as an attempt (the history). */
export function recordProcessing(
  store: ServerStore,
  id: string,
  result: { outcome: string; reason: string | null; results: unknown[]; businessUnits: string[] },
  at: number,
  actor: string,
  firstAttempt: boolean,
): void {
  store.orm
    .update(webhookDeliveries)
    .set({
      ...result,
      lastProcessedAt: at,
      ...(firstAttempt ? {} : { attempts: sql`${webhookDeliveries.attempts} + 1` }),
    })
    .where(eq(webhookDeliveries.id, id))
    .run();
  if (firstAttempt) {
    store.orm
      .update(webhookDeliveryAttempts)
      .set({ outcome: result.outcome, reason: result.reason })
      .where(eq(webhookDeliveryAttempts.deliveryId, id))
      .run();
  } else insertAttempt(store, id, at, actor, result.outcome, result.reason);
}

/** A log row by id. */
export function getDelivery(store: ServerStore, id: string): DeliveryRow | undefined {
  return store.orm.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
}

/** A delivery's processings, oldest first. */
export function listAttempts(store: ServerStore, deliveryId: string): DeliveryAttemptRow[] {
  return store.orm
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(webhookDeliveryAttempts.id)
    .all();
}

/** Filters of the log list; `units` limits rows to those units plus rows that touched no unit. */
export interface DeliveryFilter {
  vendor?: string | undefined;
  outcomes?: readonly string[] | undefined;
  externalRef?: string | undefined;
  units?: readonly string[] | '*';
  /** Keyset cursor: rows strictly older than this (receivedAt, id). */
  before?: { receivedAt: number; id: string } | undefined;
  limit: number;
}

/** The log, newest first, filtered; one more row than `limit` tells the caller there is a next page. */
export function listDeliveries(store: ServerStore, filter: DeliveryFilter): DeliveryRow[] {
  const t = webhookDeliveries;
  const where: (SQL | undefined)[] = [
    filter.vendor === undefined ? undefined : eq(t.vendor, filter.vendor),
    filter.outcomes === undefined ? undefined : inArray(t.outcome, [...filter.outcomes]),
    filter.externalRef === undefined ? undefined : eq(t.externalRef, filter.externalRef),
    filter.before === undefined
      ? undefined
      : or(
          lt(t.receivedAt, filter.before.receivedAt),
          and(eq(t.receivedAt, filter.before.receivedAt), lt(t.id, filter.before.id)),
        ),
  ];
  if (filter.units !== undefined && filter.units !== '*') {
    // Rows that touched no unit (nothing matched) are the failures everyone configuring must see.
    where.push(
      sql`(json_array_length(${t.businessUnits}) = 0 or exists (select 1 from json_each(${t.businessUnits}) where json_each.value in (${sql.join(
        filter.units.length ? filter.units.map((u) => sql`${u}`) : [sql`null`],
        sql`, `,
      )})))`,
    );
  }
  return store.orm
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.receivedAt), desc(t.id))
    .limit(filter.limit + 1)
    .all();
}
