import type { User } from '../api/apiTypes.ts';

/**
 * Roles that may change drafts and publish — the server's `WRITERS` (server/src/authz/accessRules.ts),
 * which still refuses anyone else; the designer only avoids offering edits that would be refused.
 */
const DESIGN_ROLES: readonly string[] = ['admin', 'designer'];

/** Whether this user may edit workflows; everyone else gets the read-only designer. */
export function canDesign(user: Pick<User, 'roles'> | undefined): boolean {
  return user?.roles.some((role) => DESIGN_ROLES.includes(role)) ?? false;
}

/** Why the designer is read only for this user, in words. */
export function readOnlyReason(user: Pick<User, 'roles'>): string {
  const roles = user.roles.map((r) => r.replaceAll('_', ' ')).join(', ') || 'no role';
  return `You are signed in as ${roles}: you can look at this workflow, its versions and its instances, but only designers and admins can change or publish it.`;
}
