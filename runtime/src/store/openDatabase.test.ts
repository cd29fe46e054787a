import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPragmas, DEFAULT_BUSY_TIMEOUT_MS, openDatabase, StoreError } from './index.ts';
import { openTempDatabase, type TempDatabase } from './openTempDatabase.ts';

let temp: TempDatabase | undefined;
afterEach(() => temp?.dispose());

function seedWorkflowAndVersion(db: TempDatabase['db']): void {
  db.sqlite.exec(`insert into workflows (id, name, draft_spec, created_at, updated_at) values ('w', 'W', '{}', 0, 0);
    insert into versions (id, workflow_id, number, hash, spec, definition, published_by, published_at)
    values ('w@1', 'w', 1, 'h', '{}', '{}', 'u', 0);`);
}

describe('openDatabase', () => {
  it('creates the parent directory and sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    temp = openTempDatabase();
    const { sqlite } = temp.db;
    expect(existsSync(temp.file)).toBe(true);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(DEFAULT_BUSY_TIMEOUT_MS);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('refuses to start on a database that cannot be in WAL mode', () => {
    expect(() => openDatabase(':memory:')).toThrowError(
      expect.objectContaining({
        code: 'STORE_MISCONFIGURED',
        message: expect.stringContaining('journal_mode'),
      }),
    );
  });

  it('checkPragmas names the pragma that was changed behind its back', () => {
    temp = openTempDatabase();
    temp.db.sqlite.pragma('synchronous = NORMAL');
    expect(() => checkPragmas(temp?.db.sqlite as Database.Database, DEFAULT_BUSY_TIMEOUT_MS)).toThrowError(
      /synchronous is 1, expected 2/,
    );
  });

  it('applies the migrations once: reopening an existing file keeps its data', () => {
    temp = openTempDatabase();
    seedWorkflowAndVersion(temp.db);
    temp.db.close();
    const again = openDatabase(temp.file);
    expect(again.sqlite.prepare('select count(*) as n from versions').get()).toEqual({ n: 1 });
    again.close();
  });

  it('opens read-only connections on an existing WAL file', () => {
    temp = openTempDatabase();
    seedWorkflowAndVersion(temp.db);
    const reader = openDatabase(temp.file, { readonly: true });
    expect(reader.sqlite.prepare('select id from workflows').all()).toEqual([{ id: 'w' }]);
    expect(() => reader.sqlite.exec("delete from workflows where id = 'w'")).toThrow(/readonly/);
    reader.close();
  });

  it('refuses UPDATE and DELETE on versions and audit entries', () => {
    temp = openTempDatabase();
    seedWorkflowAndVersion(temp.db);
    const { sqlite } = temp.db;
    expect(() => sqlite.exec("update versions set changelog = 'x'")).toThrow('versions are immutable');
    expect(() => sqlite.exec('delete from versions')).toThrow('versions are immutable');
    sqlite.exec(`insert into instances (id, workflow_id, version_id, business_unit, snapshot, state_value,
      entered_at, started_at, updated_at) values ('i', 'w', 'w@1', 'bu', '{}', '"a"', 0, 0, 0);
      insert into audit_entries (instance_id, idx, workflow_id, version_id, at, actor, kind, event, prev_hash, hash)
      values ('i', 0, 'w', 'w@1', '2025-01-01T00:00:00.000Z', '{}', 'start', '{}', 'p', 'h');`);
    expect(() => sqlite.exec("update audit_entries set note = 'x'")).toThrow('audit log is append-only');
    expect(() => sqlite.exec('delete from audit_entries')).toThrow('audit log is append-only');
  });

  it('enforces foreign keys', () => {
    temp = openTempDatabase();
    expect(() =>
      temp?.db.sqlite.exec(`insert into instances (id, workflow_id, version_id, business_unit, snapshot,
        state_value, entered_at, started_at, updated_at) values ('i', 'nope', 'nope', 'bu', '{}', '"a"', 0, 0, 0)`),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('HireflowDb.transaction', () => {
  it('commits on return and rolls everything back on throw', () => {
    temp = openTempDatabase();
    const { db } = temp;
    db.transaction(() => seedWorkflowAndVersion(db));
    expect(() =>
      db.transaction(() => {
        db.sqlite.exec(
          "insert into workflows (id, name, draft_spec, created_at, updated_at) values ('x', 'X', '{}', 0, 0)",
        );
        throw new StoreError('STORE_CONFLICT', 'boom');
      }),
    ).toThrow('boom');
    expect(db.sqlite.prepare('select id from workflows').all()).toEqual([{ id: 'w' }]);
  });
});

describe('HireflowDb.checkpoint', () => {
  it('leaves the WAL to grow until a checkpoint, which TRUNCATE resets to zero bytes', () => {
    temp = openTempDatabase();
    const { db } = temp;
    const insert = db.sqlite.prepare(
      "insert into workflows (id, name, draft_spec, created_at, updated_at) values (?, 'W', ?, 0, 0)",
    );
    const bulky = JSON.stringify('x'.repeat(120_000));
    for (let i = 0; i < 50; i++) insert.run(`w${i}`, bulky);
    // 50 commits of ~30 pages each are more than the 1,000 pages SQLite's auto-checkpoint would allow.
    const walBefore = statSync(`${temp.file}-wal`).size;
    expect(walBefore).toBeGreaterThan(1000 * 4096);
    const result = db.checkpoint('TRUNCATE');
    expect(result.busy).toBe(0);
    expect(statSync(`${temp.file}-wal`).size).toBe(0);
  });
});
