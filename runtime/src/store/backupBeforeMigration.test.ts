import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './openDatabase.ts';

const dir = mkdtempSync(join(tmpdir(), 'hireflow-premigrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase before applying migrations', () => {
  it('takes no backup of a brand-new database', () => {
    openDatabase(join(dir, 'new.db')).close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('snapshots a database with data into backups/ before migrating it', () => {
    const file = join(dir, 'old.db');
    const db = openDatabase(file);
    db.sqlite
      .prepare(
        'insert into idempotency_keys (scope, key, request_hash, response, created_at) values (?, ?, ?, ?, ?)',
      )
      .run('s', 'k', 'h', '{}', 1);
    db.close();
    // Pretend the file predates the last migration.
    const raw = new Database(file);
    raw.exec(
      'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)',
    );
    raw.close();
    // Re-applying that migration fails here (its objects exist), which is exactly when a copy matters.
    try {
      openDatabase(file).close();
    } catch {
      // the migration's failure is not what this test is about
    }
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-migration-.*\.db$/);
    const copy = new Database(join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(copy.prepare('select count(*) as n from idempotency_keys').get()).toEqual({ n: 1 });
    copy.close();
  });
});
