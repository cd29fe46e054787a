import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/hireflow.mjs', import.meta.url));
const sample = fileURLToPath(new URL('../../samples/hiring.workflow.json', import.meta.url));
let dir = '';

/** Runs the real binary against a database file in the temp directory. */
function hireflow(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args, '--db', join(dir, 'h.db')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hireflow-cli-engine-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hireflow publish / start / send / verify / replay / export', () => {
  it('drives an instance from the command line and detects tampering', () => {
    expect(hireflow('publish', sample, '--changelog', 'first', '--json').json()).toMatchObject({
      ok: true,
      kind: 'published',
      number: 1,
    });
    expect(hireflow('publish', sample, '--json').json()).toMatchObject({ kind: 'unchanged', number: 1 });
    const started = hireflow(
      'start',
      'sample-hiring',
      '--unit',
      'engineering',
      '--context',
      '{"candidate":{"source":"inbound"}}',
      '--json',
    ).json();
    expect(started).toMatchObject({ ok: true, to: ['screen'] });
    const id = started.instanceId as string;
    const refused = hireflow('send', id, 'REJECT', '--role', 'recruiter', '--json');
    expect(refused.status).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, code: 'NOTE_REQUIRED' });
    expect(
      hireflow('send', id, 'REJECT', '--role', 'recruiter', '--note', 'Not a fit', '--json').json(),
    ).toMatchObject({ ok: true, to: ['rejected'], status: 'done' });
    expect(hireflow('verify', '--json').json()).toMatchObject({ ok: true, entriesChecked: 3 });
    expect(hireflow('replay', id, '--json').json()).toMatchObject({ ok: true, steps: 2 });
    const [header, ...lines] = hireflow('export').stdout.trim().split('\n');
    expect(JSON.parse(header as string)).toMatchObject({ type: 'hireflow-audit-export', head: null });
    expect(lines.map((line) => JSON.parse(JSON.parse(line).text).body.kind)).toEqual([
      'start',
      'refused',
      'transition',
    ]);

    const attacker = new Database(join(dir, 'h.db'));
    attacker.exec('DROP TRIGGER audit_log_no_update');
    attacker.prepare(`UPDATE audit_log SET body = json_set(body, '$.note', 'edited') WHERE idx = 2`).run();
    attacker.close();
    const tampered = hireflow('verify');
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('"idx":2');
  }, 180_000);
});
