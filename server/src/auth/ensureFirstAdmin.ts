import { randomBytes } from 'node:crypto';
import type { ServerStore } from '../db/openServerStore.ts';
import { countUsers, insertUser } from '../db/users.ts';
import { hashPassword } from './password.ts';

/** What {@link ensureFirstAdmin} did. */
export type FirstAdminOutcome =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | null };

/**
 * On the very first start (no users yet) creates an admin from `HIREFLOW_ADMIN_EMAIL` /
 * `HIREFLOW_ADMIN_PASSWORD`, or with a random password returned once for the console. Never a fixed
 * default password.
 */
export async function ensureFirstAdmin(
  store: ServerStore,
  env: { HIREFLOW_ADMIN_EMAIL?: string | undefined; HIREFLOW_ADMIN_PASSWORD?: string | undefined },
  now: number,
): Promise<FirstAdminOutcome> {
  if (countUsers(store) > 0) return { created: false };
  const email = env.HIREFLOW_ADMIN_EMAIL ?? 'admin@hireflow.local';
  const generatedPassword = env.HIREFLOW_ADMIN_PASSWORD ? null : randomBytes(18).toString('base64url');
  const password = env.HIREFLOW_ADMIN_PASSWORD ?? generatedPassword ?? '';
  insertUser(store, {
    email,
    name: 'Administrator',
    passwordHash: await hashPassword(password),
    roles: ['admin'],
    businessUnits: [],
    now,
  });
  return { created: true, email, generatedPassword };
}
