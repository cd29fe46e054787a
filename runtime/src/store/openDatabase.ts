import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { snapshotDatabase } from './backupDatabase.ts';
import { applyPragmas, checkPragmas, DEFAULT_BUSY_TIMEOUT_MS } from './pragmas.ts';
import { StoreError } from './StoreError.ts';
import * as schema from './schema/index.ts';

/** Where the CLI and the server keep their database unless told otherwise. */
export const DEFAULT_DB_FILE = 'data/hireflow.db';

/** The committed drizzle-kit migrations, resolved from this file so any working directory works. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** `PASSIVE` never blocks anyone; `TRUNCATE` also resets the WAL file to zero bytes when it can. */
export type CheckpointMode = 'PASSIVE' | 'FULL' | 'RESTART' | 'TRUNCATE';

/** What `PRAGMA wal_checkpoint` reports: `busy` = 1 if it could not finish, page counts otherwise. */
export interface WalCheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** An open Hireflow database: the raw connection, drizzle over it, and the few operations around them. */
export interface HireflowDb {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly orm: BetterSQLite3Database<typeof schema>;
  /**
   * Runs `fn` in one synchronous `BEGIN IMMEDIATE` transaction (the write lock is taken up front, so
   * two writers never deadlock on a lock upgrade). Nested calls become savepoints. `fn` must not be async.
   */
  transaction<T>(fn: () => T): T;
  /** Copies WAL pages into the database file; call it from a timer, never from the step's hot path. */
  checkpoint(mode?: CheckpointMode): WalCheckpointResult;
  close(): void;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Default {@link DEFAULT_BUSY_TIMEOUT_MS}. */
  busyTimeoutMs?: number;
  /** Opens read-only (no migrations, no journal mode change); the file must already be a WAL database. */
  readonly?: boolean;
  /** Apply pending migrations (default true unless read-only). */
  migrate?: boolean;
}

/**
 * Opens (creating if needed) the SQLite database at `file`, sets and verifies the durability pragmas
 * and applies the committed migrations.
 *
 * @throws StoreError `STORE_MISCONFIGURED` when a pragma did not take (e.g. `:memory:` cannot be WAL),
 *   `STORE_UNAVAILABLE` when the file cannot be opened or migrated.
 * @example
 * const db = openDatabase(DEFAULT_DB_FILE);
 * setInterval(() => db.checkpoint('PASSIVE'), 1000).unref();
 */
export function openDatabase(file: string = DEFAULT_DB_FILE, options: OpenDatabaseOptions = {}): HireflowDb {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const readonly = options.readonly ?? false;
  let sqlite: Database.Database;
  try {
    if (!readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file, { readonly, fileMustExist: readonly });
  } catch (cause) {
    throw new StoreError('STORE_UNAVAILABLE', `cannot open database ${file}`, { cause });
  }
  try {
    applyPragmas(sqlite, busyTimeoutMs, readonly);
    checkPragmas(sqlite, busyTimeoutMs);
    const orm = drizzle({ client: sqlite, schema });
    if (options.migrate ?? !readonly) runMigrations(orm, sqlite, file);
    return createHandle(file, sqlite, orm);
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** How many committed migrations this database has not applied yet (0 for a brand-new file: all). */
function pendingMigrations(sqlite: Database.Database): { applied: number; pending: number } {
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  const applied = table
    ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
    : 0;
  return { applied, pending: Math.max(0, expected - applied) };
}

function runMigrations(
  orm: BetterSQLite3Database<typeof schema>,
  sqlite: Database.Database,
  file: string,
): void {
  const { applied, pending } = pendingMigrations(sqlite);
  // A database with data is copied before its schema changes: a failed or regretted upgrade can be
  // undone with `hireflow restore <data dir>/backups/pre-migration-….db`. A new file has nothing to lose.
  if (pending > 0 && applied > 0 && file !== ':memory:') {
    try {
      snapshotDatabase(sqlite, file, 'pre-migration', new Date());
    } catch (cause) {
      throw new StoreError('STORE_UNAVAILABLE', `cannot back up ${file} before migrating it`, { cause });
    }
  }
  try {
    migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (cause) {
    throw new StoreError('STORE_UNAVAILABLE', `cannot migrate database ${file}`, { cause });
  }
}

function createHandle(
  file: string,
  sqlite: Database.Database,
  orm: BetterSQLite3Database<typeof schema>,
): HireflowDb {
  // One wrapper for every transaction: better-sqlite3 builds BEGIN/COMMIT statements once per wrapper.
  const runner = sqlite.transaction((fn: () => unknown) => fn());
  return {
    file,
    sqlite,
    orm,
    transaction: <T>(fn: () => T): T => runner.immediate(fn) as T,
    checkpoint(mode: CheckpointMode = 'PASSIVE') {
      const row = sqlite.pragma(`wal_checkpoint(${mode})`) as WalCheckpointResult[];
      return row[0] ?? { busy: 0, log: 0, checkpointed: 0 };
    },
    close: () => sqlite.close(),
  };
}
