import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { sha256Hex } from '../auth/secretToken.ts';
import type { ServerStore } from './openServerStore.ts';
import { apiTokens, users } from './schema.ts';
import type { UserRow } from './users.ts';

/** A token as listed to its owner: never the token itself. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** Stores the sha256 of a freshly made token. */
export function insertApiToken(
  store: ServerStore,
  token: { userId: string; name: string; token: string; now: number },
): ApiTokenSummary {
  const row = store.orm
    .insert(apiTokens)
    .values({
      id: randomUUID(),
      userId: token.userId,
      name: token.name,
      tokenHash: sha256Hex(token.token),
      createdAt: token.now,
    })
    .returning()
    .get();
  return { id: row.id, name: row.name, createdAt: row.createdAt, lastUsedAt: null, revokedAt: null };
}

/** The active user owning an unrevoked token, or undefined. */
export function findTokenUser(store: ServerStore, token: string): UserRow | undefined {
  const row = store.orm
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        isNull(users.deactivatedAt),
      ),
    )
    .get();
  return row?.user;
}

/** A user's tokens, newest first. */
export function listApiTokens(store: ServerStore, userId: string): ApiTokenSummary[] {
  return store.orm
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** Revokes one of the user's tokens; false when it is not theirs or already revoked. */
export function revokeApiToken(store: ServerStore, userId: string, id: string, now: number): boolean {
  const result = store.orm
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes === 1;
}
