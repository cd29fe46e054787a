import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HireflowDb, type OpenDatabaseOptions, openDatabase } from './openDatabase.ts';

/** A database in a fresh temporary directory, for tests and sandboxes; `dispose` closes and deletes it. */
export interface TempDatabase {
  db: HireflowDb;
  dir: string;
  file: string;
  dispose(): void;
}

/** Opens a real SQLite file (WAL, migrations) in a new temporary directory. */
export function openTempDatabase(options?: OpenDatabaseOptions): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-'));
  const file = join(dir, 'data', 'hireflow.db');
  const db = openDatabase(file, options);
  return {
    db,
    dir,
    file,
    dispose() {
      if (db.sqlite.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
