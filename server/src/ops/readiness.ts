import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SERVER_MIGRATIONS, SERVER_MIGRATIONS_TABLE } from '../db/openServerStore.ts';
import { type HireflowDb, MIGRATIONS_FOLDER } from '../runtime.ts';

/** One check of `/readyz`: passed or not, with a reason an operator can act on. */
export interface ReadinessCheck {
  ok: boolean;
  detail: string;
}

/** What `/readyz` answers: 200 when every check passed, 503 naming the failing ones otherwise. */
export interface ReadinessReport {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; workers: ReadinessCheck };
}

/** Options of {@link createReadiness}. */
export interface ReadinessOptions {
  db: HireflowDb;
  /** Epoch ms of the scheduler's last poll, or `'disabled'` when workers are off by configuration. */
  workerHeartbeat: () => number | 'disabled' | 'stopped';
  /** A poll older than this means the loop is stuck (default 5 s; the scheduler polls every 250 ms). */
  staleAfterMs?: number;
  shuttingDown: () => boolean;
  now?: () => number;
}

/** A probe lock wait: a readiness probe must not block the event loop for the full busy timeout. */
const PROBE_BUSY_TIMEOUT_MS = 250;

/** Builds the `/readyz` probe over the open database and the workers' heartbeat. */
export function createReadiness(options: ReadinessOptions): () => ReadinessReport {
  const { db } = options;
  const now = options.now ?? Date.now;
  const staleAfterMs = options.staleAfterMs ?? 5000;
  const expected = [
    {
      table: '__drizzle_migrations',
      count: readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length,
    },
    {
      table: SERVER_MIGRATIONS_TABLE,
      count: readMigrationFiles({ migrationsFolder: SERVER_MIGRATIONS }).length,
    },
  ];
  return () => {
    const database = probeWrite(db);
    const migrations = database.ok
      ? checkMigrations(db, expected)
      : { ok: false, detail: 'database unavailable' };
    const beat = options.workerHeartbeat();
    const workers: ReadinessCheck = options.shuttingDown()
      ? { ok: false, detail: 'shutting down' }
      : beat === 'disabled'
        ? { ok: true, detail: 'workers disabled by configuration' }
        : beat === 'stopped'
          ? { ok: false, detail: 'workers stopped' }
          : now() - beat > staleAfterMs
            ? { ok: false, detail: `scheduler last polled ${Math.round((now() - beat) / 1000)} s ago` }
            : { ok: true, detail: 'scheduler and outbox worker running' };
    return { ready: database.ok && migrations.ok && workers.ok, checks: { database, migrations, workers } };
  };
}

/** Takes SQLite's write lock (`BEGIN IMMEDIATE`) and releases it: fails on a read-only or locked file. */
function probeWrite(db: HireflowDb): ReadinessCheck {
  const previous = db.sqlite.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.sqlite.pragma(`busy_timeout = ${PROBE_BUSY_TIMEOUT_MS}`);
    db.sqlite.exec('BEGIN IMMEDIATE; ROLLBACK');
    return { ok: true, detail: 'write lock acquired' };
  } catch (error) {
    return { ok: false, detail: `not writable: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    try {
      db.sqlite.pragma(`busy_timeout = ${previous}`);
    } catch {
      // the connection is closed; the probe already reported it
    }
  }
}

function checkMigrations(db: HireflowDb, expected: { table: string; count: number }[]): ReadinessCheck {
  try {
    for (const { table, count } of expected) {
      const row = db.sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
      if (row.n < count) return { ok: false, detail: `${table}: ${row.n} of ${count} migrations applied` };
    }
    return { ok: true, detail: 'all migrations applied' };
  } catch (error) {
    return {
      ok: false,
      detail: `cannot read migrations: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
