import type { Role } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import type { PersonalDataMode } from '../runtime.ts';

/**
 * Roles that work with candidates and see their personal fields (in their business units): they
 * contact, interview and decide about people. Everyone else — auditors, approvers, designers — checks
 * process, money or structure and gets personal fields masked ("•••", with `masked: true`).
 */
export const PERSONAL_DATA_ROLES: ReadonlySet<string> = new Set<Role>([
  'admin',
  'recruiter',
  'hiring_manager',
  'hrbp',
]);

/** How personal values are shown to this caller: by the role they act in for the route. */
export function personalDataMode(principal: Principal): PersonalDataMode {
  return PERSONAL_DATA_ROLES.has(principal.role) ? 'reveal' : 'mask';
}
