import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
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
    if (options.migrate ?? !readonly) runMigrations(orm, file);
    return createHandle(file, sqlite, orm);
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function runMigrations(orm: BetterSQLite3Database<typeof schema>, file: string): void {
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
