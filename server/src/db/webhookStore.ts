import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { eventMappings, webhookSecrets } from './schema.ts';

/** A signing secret row (the value stays server-side; lists show only a hint). */
export type WebhookSecretRow = typeof webhookSecrets.$inferSelect;
/** A vendor event → workflow event (and/or start) mapping. */
export type EventMappingRow = typeof eventMappings.$inferSelect;

/** Adds a signing secret for a vendor; older ones stay valid until revoked (rotation). */
export function insertWebhookSecret(
  store: ServerStore,
  vendor: string,
  secret: string,
  now: number,
): WebhookSecretRow {
  return store.orm
    .insert(webhookSecrets)
    .values({ id: randomUUID(), vendor, secret, createdAt: now })
    .returning()
    .get();
}

/** The vendor's active secrets, newest first. */
export function activeWebhookSecrets(store: ServerStore, vendor: string): string[] {
  return store.orm
    .select({ secret: webhookSecrets.secret })
    .from(webhookSecrets)
    .where(and(eq(webhookSecrets.vendor, vendor), isNull(webhookSecrets.revokedAt)))
    .orderBy(desc(webhookSecrets.createdAt))
    .all()
    .map((row) => row.secret);
}

/** Every secret row (for the admin list). */
export function listWebhookSecrets(store: ServerStore): WebhookSecretRow[] {
  return store.orm.select().from(webhookSecrets).orderBy(desc(webhookSecrets.createdAt)).all();
}

/** Revokes a secret; false when unknown or already revoked. */
export function revokeWebhookSecret(store: ServerStore, id: string, now: number): boolean {
  return (
    store.orm
      .update(webhookSecrets)
      .set({ revokedAt: now })
      .where(and(eq(webhookSecrets.id, id), isNull(webhookSecrets.revokedAt)))
      .run().changes === 1
  );
}

/** Mappings of a vendor event; a mapping with a stage matches only that stage (case-insensitive). */
export function findMappings(
  store: ServerStore,
  vendor: string,
  vendorEvent: string,
  stage: string | undefined,
): EventMappingRow[] {
  return store.orm
    .select()
    .from(eventMappings)
    .where(
      and(
        eq(eventMappings.vendor, vendor),
        eq(eventMappings.vendorEvent, vendorEvent),
        sql`(${eventMappings.stage} is null or lower(${eventMappings.stage}) = lower(${stage ?? ''}))`,
      ),
    )
    .all();
}

/** A workflow's mappings. */
export function listMappings(store: ServerStore, workflowId: string): EventMappingRow[] {
  return store.orm.select().from(eventMappings).where(eq(eventMappings.workflowId, workflowId)).all();
}

/** Replaces a workflow's mappings in one go (the designer edits them as a table). */
export function replaceMappings(
  store: ServerStore,
  workflowId: string,
  mappings: Omit<EventMappingRow, 'id' | 'workflowId' | 'createdAt'>[],
  now: number,
): EventMappingRow[] {
  return store.db.transaction(() => {
    store.orm.delete(eventMappings).where(eq(eventMappings.workflowId, workflowId)).run();
    for (const mapping of mappings) {
      store.orm
        .insert(eventMappings)
        .values({ ...mapping, id: randomUUID(), workflowId, createdAt: now })
        .run();
    }
    return listMappings(store, workflowId);
  });
}
