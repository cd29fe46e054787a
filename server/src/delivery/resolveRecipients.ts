import type { ServerStore } from '../db/openServerStore.ts';
import { listUsers, type UserRow } from '../db/users.ts';

/** A notify recipient as the spec writes it: a role (or approver group), or one named user. */
export type RecipientSpec = { role: string } | { user: string };

/**
 * The active users a notify reaches in `businessUnit`: everyone holding the role or approver group
 * and belonging to the unit, plus named users (by id or email, active, any unit — the spec named
 * them). Deduplicated, in a stable order.
 */
export function resolveRecipients(
  users: readonly UserRow[],
  businessUnit: string,
  to: readonly RecipientSpec[],
): UserRow[] {
  const active = users.filter((u) => u.deactivatedAt === null);
  const chosen = new Map<string, UserRow>();
  for (const recipient of to) {
    if ('role' in recipient) {
      for (const user of active) {
        const inUnit = user.businessUnits.includes(businessUnit) || user.businessUnits.includes('*');
        if (inUnit && user.roles.includes(recipient.role)) chosen.set(user.id, user);
      }
    } else {
      const named = recipient.user.toLowerCase();
      const user = active.find((u) => u.id === recipient.user || u.email === named);
      if (user) chosen.set(user.id, user);
    }
  }
  return [...chosen.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/** {@link resolveRecipients} over the store's users. */
export function resolveRecipientsIn(store: ServerStore, businessUnit: string, to: readonly RecipientSpec[]) {
  return resolveRecipients(listUsers(store), businessUnit, to);
}
