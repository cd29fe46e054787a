import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/hireflow.mjs', import.meta.url));
const sample = fileURLToPath(new URL('../../samples/hiring.workflow.json', import.meta.url));
let dir = '';
const db = () => join(dir, 'h.db');

function hireflow(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args, '--db', db()], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hireflow-cli-erase-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hireflow erase', () => {
  it('destroys the subject key, audits the erasure, and the log still verifies', () => {
    const marker = `NoteMarker${Date.now().toString(36)}`;
    expect(hireflow('publish', sample, '--json').status).toBe(0);
    const started = hireflow('start', 'sample-hiring', '--unit', 'engineering', '--json').json();
    const id = started.instanceId as string;
    expect(hireflow('send', id, 'REJECT', '--role', 'recruiter', '--note', marker, '--json').status).toBe(0);
    const read = new Database(db(), { readonly: true });
    const { subject_id: subjectId } = read
      .prepare('select subject_id from instances where id = ?')
      .get(id) as {
      subject_id: string;
    };
    read.close();

    expect(hireflow('erase', subjectId, '--reason', 'because').status).toBe(2);
    const erased = hireflow(
      'erase',
      subjectId,
      '--reason',
      'data_subject_request',
      '--reference',
      'DSR-7',
      '--json',
    );
    expect(erased.json()).toMatchObject({ erased: true, instances: 1, scrubbed: true });
    expect(hireflow('erase', subjectId, '--reason', 'other').status).toBe(1);
    expect(hireflow('verify', '--json').json()).toMatchObject({ ok: true });
    const bytes = readFileSync(db()).toString('latin1');
    expect(bytes).not.toContain(marker);
    const exported = hireflow('export');
    expect(exported.stdout).toContain('SUBJECT.ERASE');
    expect(exported.stdout).not.toContain(marker);
  }, 240_000);
});
