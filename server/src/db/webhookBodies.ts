import { and, eq, lt } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { webhookBodies } from './schema.ts';

/** How long a stored raw body is kept for re-processing (it may hold candidate personal data). */
export const WEBHOOK_BODY_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** A stored body: the bytes and the headers the adapter parses. */
export interface StoredBody {
  raw: Buffer;
  headers: Record<string, string>;
}

/** Keeps a verified delivery's raw body for re-processing, until `now` + retention. */
export function storeBody(
  store: ServerStore,
  deliveryId: string,
  externalRef: string | null,
  body: StoredBody,
  now: number,
): void {
  store.orm
    .insert(webhookBodies)
    .values({
      deliveryId,
      externalRef,
      body: body.raw,
      headers: body.headers,
      expiresAt: now + WEBHOOK_BODY_RETENTION_MS,
    })
    .onConflictDoNothing()
    .run();
}

/** The stored body of a delivery, unless expired (expired ones are about to be pruned). */
export function loadBody(store: ServerStore, deliveryId: string, now: number): StoredBody | undefined {
  const row = store.orm.select().from(webhookBodies).where(eq(webhookBodies.deliveryId, deliveryId)).get();
  if (!row || row.expiresAt <= now) return undefined;
  return { raw: row.body, headers: row.headers };
}

/** Is a body kept for this delivery? */
export function hasBody(store: ServerStore, deliveryId: string, now: number): boolean {
  return loadBody(store, deliveryId, now) !== undefined;
}

/** Drops a delivery's body (once it applied: nothing left to re-process). */
export function deleteBody(store: ServerStore, deliveryId: string): void {
  store.orm.delete(webhookBodies).where(eq(webhookBodies.deliveryId, deliveryId)).run();
}

/** Deletes bodies past their retention; returns how many. Cheap (indexed), run on every delivery. */
export function pruneBodies(store: ServerStore, now: number): number {
  return store.orm.delete(webhookBodies).where(lt(webhookBodies.expiresAt, now)).run().changes;
}

/**
 * Erases every stored body about an ATS object (right to erasure): the erasure flow calls it with the
 * subject's `externalRef`. The delivery log rows stay; they hold ids and digests, no personal data.
 */
export function eraseBodiesOf(store: ServerStore, externalRef: string): number {
  return store.orm
    .delete(webhookBodies)
    .where(and(eq(webhookBodies.externalRef, externalRef)))
    .run().changes;
}
