import type Database from 'better-sqlite3';
import { StoreError } from './StoreError.ts';

/** How long a connection waits for another writer's lock before failing with SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Sets the durability pragmas every connection needs. `synchronous=FULL` matters: better-sqlite3
 * leaves WAL databases at NORMAL, which can lose acknowledged events on power loss. Auto-checkpoint
 * is switched off on the writer so a checkpoint never stalls a step; `checkpoint()` runs it on a timer.
 */
export function applyPragmas(sqlite: Database.Database, busyTimeoutMs: number, readonly: boolean): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed in the file, so an erased subject's key and PII do not
  // linger in free pages (erasure then truncates the WAL).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  if (!readonly) {
    sqlite.pragma('wal_autocheckpoint = 0');
    // Bounds the WAL file left behind after a checkpoint resets it.
    sqlite.pragma('journal_size_limit = 67108864');
  }
}

/**
 * Reads the pragmas back and throws `STORE_MISCONFIGURED` if any did not take. A database that
 * silently runs without WAL, full sync or foreign keys must not start.
 */
export function checkPragmas(sqlite: Database.Database, busyTimeoutMs: number): void {
  const actual = {
    journal_mode: String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreign_keys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(sqlite.pragma('busy_timeout', { simple: true })),
  };
  const expected = {
    journal_mode: 'wal',
    synchronous: 2,
    foreign_keys: 1,
    busy_timeout: Math.trunc(busyTimeoutMs),
  };
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (actual[key] !== expected[key]) {
      throw new StoreError(
        'STORE_MISCONFIGURED',
        `database ${sqlite.name}: PRAGMA ${key} is ${actual[key]}, expected ${expected[key]}; refusing to start`,
      );
    }
  }
}
