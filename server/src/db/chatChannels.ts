import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { chatChannels } from './schema.ts';

/** A chat channel row (its URL is a credential: the API shows only the host). */
export type ChatChannelRow = typeof chatChannels.$inferSelect;

/** Adds a channel to a business unit. */
export function insertChatChannel(
  store: ServerStore,
  channel: Omit<ChatChannelRow, 'id' | 'createdAt'> & { now: number },
): ChatChannelRow {
  const { now, ...rest } = channel;
  return store.orm
    .insert(chatChannels)
    .values({ id: randomUUID(), ...rest, createdAt: now })
    .returning()
    .get();
}

/** Every channel, or a unit's, by unit then name. */
export function listChatChannels(store: ServerStore, businessUnit?: string): ChatChannelRow[] {
  return store.orm
    .select()
    .from(chatChannels)
    .where(businessUnit === undefined ? undefined : eq(chatChannels.businessUnit, businessUnit))
    .orderBy(asc(chatChannels.businessUnit), asc(chatChannels.name))
    .all();
}

/** Removes a channel; false when there was none. */
export function deleteChatChannel(store: ServerStore, id: string): boolean {
  return store.orm.delete(chatChannels).where(eq(chatChannels.id, id)).run().changes === 1;
}

/** The unit's channels a notify to these roles reaches: subscribed to one of them, or to `*`. */
export function channelsForRoles(store: ServerStore, businessUnit: string, roles: readonly string[]) {
  return listChatChannels(store, businessUnit).filter((c) =>
    c.roles.some((r) => r === '*' || roles.includes(r)),
  );
}
