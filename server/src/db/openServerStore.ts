import { fileURLToPath } from 'node:url';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { HireflowDb } from '../runtime.ts';
import * as schema from './schema.ts';

/** The server's committed drizzle-kit migrations, resolved from this file. */
export const SERVER_MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Kept apart from the runtime's `__drizzle_migrations` so the two histories never mix. */
export const SERVER_MIGRATIONS_TABLE = '__server_migrations';

/** The server's tables, on the same SQLite connection (and transactions) as the runtime's store. */
export interface ServerStore {
  readonly db: HireflowDb;
  readonly orm: BetterSQLite3Database<typeof schema>;
}

/** Applies the server's migrations to the runtime's open database and returns drizzle over them. */
export function openServerStore(db: HireflowDb): ServerStore {
  const orm = drizzle({ client: db.sqlite, schema });
  migrate(orm, { migrationsFolder: SERVER_MIGRATIONS, migrationsTable: SERVER_MIGRATIONS_TABLE });
  return { db, orm };
}
