import { desc } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { accessLog } from './schema.ts';

/** One read of audit data. */
export type AccessLogEntry = typeof accessLog.$inferSelect;

/** Records that `userId` read audit data (`action`, e.g. `audit.export`) about `target`. */
export function logAccess(
  store: ServerStore,
  entry: { userId: string; action: string; target: string; now: number },
): void {
  store.orm
    .insert(accessLog)
    .values({ at: entry.now, userId: entry.userId, action: entry.action, target: entry.target })
    .run();
}

/** The latest reads of audit data, newest first. */
export function listAccessLog(store: ServerStore, limit = 100): AccessLogEntry[] {
  return store.orm.select().from(accessLog).orderBy(desc(accessLog.id)).limit(limit).all();
}
