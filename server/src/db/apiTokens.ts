import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
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

function prepareTokenUserQuery(store: ServerStore) {
  return store.orm
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare();
}

// Every API request asks this; building the drizzle query each time cost more than running it.
const tokenUserQueries = new WeakMap<ServerStore, ReturnType<typeof prepareTokenUserQuery>>();

/** The active user owning an unrevoked token, or undefined. */
export function findTokenUser(store: ServerStore, token: string): UserRow | undefined {
  let query = tokenUserQueries.get(store);
  if (query === undefined) {
    query = prepareTokenUserQuery(store);
    tokenUserQueries.set(store, query);
  }
  return query.get({ tokenHash: sha256Hex(token) })?.user;
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
