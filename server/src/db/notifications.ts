import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { notificationPreferences, notifications, notifyProgress } from './schema.ts';

/** An in-app notification row. */
export type NotificationRow = typeof notifications.$inferSelect;

/** How a user wants to be told. */
export interface NotificationPreferences {
  email: 'immediate' | 'digest' | 'off';
  inApp: boolean;
}

/** What a user gets without a saved choice. */
export const DEFAULT_PREFERENCES: NotificationPreferences = { email: 'immediate', inApp: true };

/** The user's preferences (defaults when none are saved). */
export function getPreferences(store: ServerStore, userId: string): NotificationPreferences {
  const row = store.orm
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .get();
  return row ? { email: row.email, inApp: row.inApp } : DEFAULT_PREFERENCES;
}

/** Saves the user's preferences. */
export function savePreferences(
  store: ServerStore,
  userId: string,
  prefs: NotificationPreferences,
  now: number,
) {
  store.orm
    .insert(notificationPreferences)
    .values({ userId, ...prefs, updatedAt: now })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...prefs, updatedAt: now } })
    .run();
}

/** What {@link recordNotification} stores. */
export type NewNotification = Omit<NotificationRow, 'id' | 'readAt'>;

/**
 * Stores a notification unless the user already has one with the same `dedupeKey` (a repeated
 * reminder of the same rung): then that one is bumped to unread and `fresh` is false, so the caller
 * sends no second email. A retry of the same effect counts as fresh (its email may not have gone).
 */
export function recordNotification(store: ServerStore, row: NewNotification): { fresh: boolean; id: number } {
  return store.db.transaction(() => {
    const existing = store.orm
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, row.userId), eq(notifications.dedupeKey, row.dedupeKey)))
      .get();
    if (!existing) {
      const inserted = store.orm.insert(notifications).values(row).returning({ id: notifications.id }).get();
      return { fresh: true, id: inserted.id };
    }
    if (existing.effectKey === row.effectKey) return { fresh: true, id: existing.id };
    // Bumped rows get a new id so the SSE tail (by id) sends them again.
    store.orm.delete(notifications).where(eq(notifications.id, existing.id)).run();
    const bumped = store.orm
      .insert(notifications)
      .values({ ...row, digestPending: existing.digestPending || row.digestPending })
      .returning({ id: notifications.id })
      .get();
    return { fresh: false, id: bumped.id };
  });
}

/** A user's in-app notifications, newest first, and how many are unread. */
export function listNotifications(store: ServerStore, userId: string, limit = 50) {
  const mine = and(eq(notifications.userId, userId), eq(notifications.inApp, true));
  const items = store.orm
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all();
  const unread =
    store.orm
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt)))
      .get()?.n ?? 0;
  return { items, unread };
}

/** In-app notifications of a user newer than `afterId` (the SSE tail). */
export function notificationsAfter(store: ServerStore, userId: string, afterId: number): NotificationRow[] {
  return store.orm
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), eq(notifications.inApp, true), gt(notifications.id, afterId)),
    )
    .orderBy(notifications.id)
    .limit(100)
    .all();
}

/** The highest notification id (where a new SSE stream starts). */
export function latestNotificationId(store: ServerStore): number {
  return (
    store.orm
      .select({ n: sql<number>`coalesce(max(${notifications.id}), 0)` })
      .from(notifications)
      .get()?.n ?? 0
  );
}

/** True when notification `id` exists and belongs to `userId`. */
export function ownsNotification(store: ServerStore, userId: string, id: number): boolean {
  return (
    store.orm
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .get() !== undefined
  );
}

/** Marks one (by id) or all of a user's notifications read; returns how many changed. */
export function markRead(store: ServerStore, userId: string, now: number, id?: number): number {
  const conditions = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (id !== undefined) conditions.push(eq(notifications.id, id));
  return store.orm
    .update(notifications)
    .set({ readAt: now })
    .where(and(...conditions))
    .run().changes;
}

/** Users with notifications waiting for their digest, and those notifications. */
export function pendingDigests(store: ServerStore): Map<string, NotificationRow[]> {
  const rows = store.orm
    .select()
    .from(notifications)
    .where(eq(notifications.digestPending, true))
    .orderBy(notifications.id)
    .all();
  const byUser = new Map<string, NotificationRow[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return byUser;
}

/** Clears the digest flag of the given notifications (after their digest mail was accepted). */
export function clearDigest(store: ServerStore, ids: readonly number[]): void {
  for (const id of ids)
    store.orm.update(notifications).set({ digestPending: false }).where(eq(notifications.id, id)).run();
}

/** Channels of a notify effect already done (a retry skips them). */
export function doneChannels(store: ServerStore, effectKey: string): Set<string> {
  return new Set(
    store.orm
      .select({ channel: notifyProgress.channel })
      .from(notifyProgress)
      .where(eq(notifyProgress.effectKey, effectKey))
      .all()
      .map((r) => r.channel),
  );
}

/** Records that a channel of a notify effect is done. */
export function markChannelDone(store: ServerStore, effectKey: string, channel: string, now: number): void {
  store.orm.insert(notifyProgress).values({ effectKey, channel, doneAt: now }).onConflictDoNothing().run();
}
