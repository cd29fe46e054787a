import { desc, eq } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { effectActions, sandboxDelivery } from './schema.ts';

/** An admin's retry or discard of an effect. */
export type EffectActionRow = typeof effectActions.$inferSelect;

/** Records an admin's retry or discard (with the reason) — outside every instance's hash chain. */
export function recordEffectAction(store: ServerStore, row: Omit<EffectActionRow, 'id'>): void {
  store.orm.insert(effectActions).values(row).run();
}

/** The latest admin actions on effects, newest first. */
export function listEffectActions(store: ServerStore, limit = 100): EffectActionRow[] {
  return store.orm.select().from(effectActions).orderBy(desc(effectActions.id)).limit(limit).all();
}

/** A sandbox's delivery mode: `capture` (default, nothing leaves) or `deliver` (rehearsal). */
export type SandboxDeliveryMode = 'capture' | 'deliver';

/** The sandbox's mode (capture unless an admin chose deliver). */
export function getSandboxDelivery(store: ServerStore, name: string): SandboxDeliveryMode {
  return (
    store.orm.select().from(sandboxDelivery).where(eq(sandboxDelivery.name, name)).get()?.mode ?? 'capture'
  );
}

/** Sets a sandbox's mode. */
export function setSandboxDelivery(
  store: ServerStore,
  name: string,
  mode: SandboxDeliveryMode,
  by: { userId: string; now: number },
): void {
  store.orm
    .insert(sandboxDelivery)
    .values({ name, mode, updatedBy: by.userId, updatedAt: by.now })
    .onConflictDoUpdate({
      target: sandboxDelivery.name,
      set: { mode, updatedBy: by.userId, updatedAt: by.now },
    })
    .run();
}

/** Names of sandboxes in `deliver` mode. */
export function deliveringSandboxes(store: ServerStore): string[] {
  return store.orm
    .select({ name: sandboxDelivery.name })
    .from(sandboxDelivery)
    .where(eq(sandboxDelivery.mode, 'deliver'))
    .all()
    .map((r) => r.name);
}

/** Forgets a sandbox's mode (the sandbox was deleted: a new one of the same name starts capturing). */
export function clearSandboxDelivery(store: ServerStore, name: string): void {
  store.orm.delete(sandboxDelivery).where(eq(sandboxDelivery.name, name)).run();
}
