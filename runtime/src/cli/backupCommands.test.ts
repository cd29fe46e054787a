import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/hireflow.mjs', import.meta.url));
const sample = fileURLToPath(new URL('../../samples/hiring.workflow.json', import.meta.url));
let dir = '';

/** Runs the real binary in the temp directory. */
function hireflow(...args: string[]) {
  // No INIT_CWD: relative paths resolve against the temp directory, not where pnpm was started.
  const env = { ...process.env, INIT_CWD: dir };
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hireflow-cli-backup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('commands that read a database', () => {
  it.each(['verify', 'export'])(
    '%s refuses a --db that does not exist, exit 2, and creates nothing',
    (command) => {
      const run = hireflow(command, '--db', 'mistyped.db');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('No database at');
      expect(run.stdout).not.toContain('intact');
      expect(existsSync(join(dir, 'mistyped.db'))).toBe(false);
    },
    60_000,
  );

  it('prints the version', () => {
    const run = hireflow('--version');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^hireflow \d+\.\d+\.\d+/);
  }, 60_000);
});

describe('hireflow backup / restore', () => {
  it('backs up a database in use, verifies the copy, and restores it only when nobody holds the file', () => {
    const db = join(dir, 'live.db');
    expect(hireflow('publish', sample, '--db', db, '--json').status).toBe(0);
    const started = hireflow('start', 'sample-hiring', '--unit', 'eng', '--db', db, '--json').json();
    expect(started.ok).toBe(true);

    // A server-like connection keeps the database open during the backup.
    const server = new Database(db);
    server.prepare('select count(*) from instances').get(); // an idle server has read at least once
    const backup = hireflow('backup', 'copy.db', '--db', db, '--json');
    expect(backup.status, backup.stdout + backup.stderr).toBe(0);
    expect(backup.json()).toMatchObject({ ok: true, entries: 1 });
    expect(hireflow('backup', 'copy.db', '--db', db).status).toBe(1); // never overwrites

    const refused = hireflow('restore', 'copy.db', '--db', db);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('open in another process');
    server.close();

    // The instance after the backup is lost by the restore, as it should be.
    hireflow('send', started.instanceId, 'REJECT', '--note', 'x', '--db', db);
    const restored = hireflow('restore', 'copy.db', '--db', db, '--json');
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.json()).toMatchObject({ ok: true, entries: 1 });
    expect(hireflow('verify', '--db', db, '--json').json()).toMatchObject({ ok: true, entriesChecked: 1 });
    expect(readdirSync(join(dir, 'backups')).some((name) => name.startsWith('pre-restore-'))).toBe(true);
  }, 300_000);

  it('refuses to restore a file that is not a sound database', () => {
    writeFileSync(join(dir, 'garbage.db'), 'not a database at all'.repeat(100));
    const run = hireflow('restore', 'garbage.db', '--db', join(dir, 'other.db'));
    expect(run.status).toBe(1);
    expect(existsSync(join(dir, 'other.db'))).toBe(false);
  }, 60_000);
});
