import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256Hex } from '../auth/secretToken.ts';
import type { ServerStore } from './openServerStore.ts';
import { sessions, users } from './schema.ts';
import type { UserRow } from './users.ts';

/** A live session with its (active) user. */
export interface SessionWithUser {
  csrfToken: string;
  user: UserRow;
}

/** Stores a session under the sha256 of its cookie value. */
export function insertSession(
  store: ServerStore,
  session: { id: string; userId: string; csrfToken: string; now: number; ttlMs: number },
): void {
  store.orm
    .insert(sessions)
    .values({
      idHash: sha256Hex(session.id),
      userId: session.userId,
      csrfToken: session.csrfToken,
      createdAt: session.now,
      expiresAt: session.now + session.ttlMs,
    })
    .run();
}

/**
 * The session behind a cookie value, when it has not expired and its user is active. The join on the
 * user is what makes a deactivation take effect on the very next request.
 */
export function findSession(store: ServerStore, id: string, now: number): SessionWithUser | undefined {
  const row = store.orm
    .select({ csrfToken: sessions.csrfToken, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256Hex(id)), gt(sessions.expiresAt, now), isNull(users.deactivatedAt)))
    .get();
  return row;
}

/** Ends one session (logout). */
export function deleteSession(store: ServerStore, id: string): void {
  store.orm
    .delete(sessions)
    .where(eq(sessions.idHash, sha256Hex(id)))
    .run();
}

/** Ends every session of a user (deactivation). */
export function deleteUserSessions(store: ServerStore, userId: string): void {
  store.orm.delete(sessions).where(eq(sessions.userId, userId)).run();
}
