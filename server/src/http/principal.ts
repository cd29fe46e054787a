import type { Role } from '../db/schema.ts';
import type { UserRow } from '../db/users.ts';
import type { EngineActor } from '../runtime.ts';
import { ProblemError } from './ProblemError.ts';

/** Who is calling and through what: the designer's cookie session or a personal API token. */
export interface Principal {
  user: UserRow;
  via: 'designer' | 'api';
  /** Units whose objects the caller may see: `'*'` for admins and auditors. */
  units: string[] | '*';
  /**
   * The role the caller acts in: the first of their roles the route's rule allows, or an approver
   * group (e.g. `finance`) when deciding a task addressed to it.
   */
  role: string;
}

/** Roles that see every business unit. */
const CROSS_UNIT_ROLES: readonly string[] = ['admin', 'auditor'] satisfies Role[];

/** The units a user may see. */
export function unitsOf(user: UserRow): string[] | '*' {
  return user.roles.some((role) => CROSS_UNIT_ROLES.includes(role)) ? '*' : user.businessUnits;
}

/** True when the principal may see objects of `unit` (objects without a unit are visible to all). */
export function canSeeUnit(principal: Principal, unit: string | null | undefined): boolean {
  if (principal.units === '*' || unit === null || unit === undefined) return true;
  return principal.units.includes(unit);
}

/**
 * Returns `object` when the principal may see it, else throws 404 exactly like a missing object, so
 * another unit's ids cannot be probed.
 */
export function requireVisible<T>(
  principal: Principal,
  object: T | undefined,
  unitOf: (object: T) => string | null | undefined,
): T {
  if (object === undefined || !canSeeUnit(principal, unitOf(object))) throw new ProblemError('NOT_FOUND');
  return object;
}

/** True when the principal may write into `unit` (auditors never write; admins everywhere). */
export function canWriteUnit(principal: Principal, unit: string): boolean {
  if (principal.user.roles.includes('admin')) return true;
  return principal.user.businessUnits.includes(unit);
}

/** The engine's view of the caller: id, the role the route allowed, the channel, the units. */
export function toEngineActor(principal: Principal): EngineActor {
  return {
    id: principal.user.id,
    role: principal.role,
    via: principal.via,
    businessUnits: principal.units,
  };
}
