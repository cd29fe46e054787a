import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Copies a live database with SQLite's online backup API: writers keep going while pages are copied,
 * and the copy is one consistent snapshot. Refuses to overwrite `destination`.
 */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file name`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const progress = await db.backup(destination);
    return { pages: progress.totalPages };
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a database file: `['ok']` when sound, the problems otherwise. */
export function integrityProblems(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    return problems;
  } finally {
    db.close();
  }
}

/**
 * Is another connection (a running server, a CLI) holding the database open? In WAL mode every open
 * connection keeps a shared lock, so an exclusive lock that cannot be taken at once means yes.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}

/**
 * A synchronous snapshot (`VACUUM INTO`) into `<dir of file>/backups/<label>-<time>.db`, for the
 * moments a caller cannot await (opening the database before migrations). Returns the path.
 */
export function snapshotDatabase(sqlite: Database.Database, file: string, label: string, at: Date): string {
  const folder = join(dirname(file), 'backups');
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `${label}-${at.toISOString().replace(/[:.]/g, '-')}.db`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
