import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { users } from './schema.ts';

/** A user row as stored (with its password hash: never send it out). */
export type UserRow = typeof users.$inferSelect;

/** What the API shows of a user. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  businessUnits: string[];
  active: boolean;
}

/** The outward view of a user row. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    businessUnits: row.businessUnits,
    active: row.deactivatedAt === null,
  };
}

/** What {@link insertUser} needs; the password is already hashed. */
export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  roles: string[];
  businessUnits: string[];
  now: number;
}

/** Creates a user; emails are stored lower-case so sign-in is case-insensitive. */
export function insertUser(store: ServerStore, user: NewUser): UserRow {
  return store.orm
    .insert(users)
    .values({ id: randomUUID(), ...user, email: user.email.toLowerCase(), createdAt: user.now })
    .returning()
    .get();
}

/** The user with this id, or undefined. */
export function getUser(store: ServerStore, id: string): UserRow | undefined {
  return store.orm.select().from(users).where(eq(users.id, id)).get();
}

/** The user with this email (any case), or undefined. */
export function getUserByEmail(store: ServerStore, email: string): UserRow | undefined {
  return store.orm.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

/** Every user, by email. */
export function listUsers(store: ServerStore): UserRow[] {
  return store.orm.select().from(users).orderBy(asc(users.email)).all();
}

/** How many users exist (the first start creates an admin when there are none). */
export function countUsers(store: ServerStore): number {
  return store.orm.select({ id: users.id }).from(users).all().length;
}

/** Changes roles, business units, name or deactivation; returns the updated row or undefined. */
export function updateUser(
  store: ServerStore,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'roles' | 'businessUnits' | 'deactivatedAt'>>,
): UserRow | undefined {
  return store.orm.update(users).set(patch).where(eq(users.id, id)).returning().get();
}
