import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFlow } from '../../test/specs.ts';

const bin = fileURLToPath(new URL('../../bin/hireflow.mjs', import.meta.url));
const sample = fileURLToPath(new URL('../../samples/hiring.workflow.json', import.meta.url));
let dir = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `hireflow` binary in a child process, in the temp directory. */
function hireflow(...args: string[]): Run {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, INIT_CWD: dir },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes a file into the temp directory and returns its name. */
function file(name: string, content: unknown): string {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

const noStack = (run: Run) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hireflow-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hireflow CLI', { timeout: 60_000 }, () => {
  it('validates a good spec: exit 0 and a one-line verdict', () => {
    const run = hireflow('validate', sample);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${sample}: valid (no problems)\n`);
  });

  it('lists every problem of a bad spec as `path  severity  CODE  message` and exits 1', () => {
    const spec = { ...screenFlow(), initial: 'nowhere' };
    const run = hireflow('validate', file('bad.json', spec));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('initial  error  UNKNOWN_INITIAL  The workflow starts at "nowhere"');
    expect(run.stdout).toMatch(/^bad\.json: invalid \(1 error, \d+ warnings?\)\n$/);
    noStack(run);
  });

  it('prints the XState definition, pretty, and it is the compiled JSON', () => {
    const run = hireflow('compile', sample);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('{\n  "context"')).toBe(true);
    const definition = JSON.parse(run.stdout);
    expect(definition).toMatchObject({ id: 'sample-hiring', initial: 'applied' });
    expect(Object.keys(definition.states)).toContain('offer_approval');
  });

  it('prints one JSON object with --json, also when the spec is invalid', () => {
    const run = hireflow(
      'compile',
      '--json',
      file('bad-target.json', { ...screenFlow(), initial: 'nowhere' }),
    );
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: false, definition: null, file: 'bad-target.json' });
    expect(out.diagnostics[0]).toMatchObject({ path: 'initial', severity: 'error', code: 'UNKNOWN_INITIAL' });
  });

  it('diffs two specs: one line per change and the counts', () => {
    const before = file('v1.json', screenFlow());
    // v2: renamed, without the rejected state and the REJECT transition that led there.
    const v2 = screenFlow();
    const [screen, hired] = v2.states as [{ on: unknown[] }, unknown];
    screen.on = screen.on.slice(0, 1);
    const after = file('v2.json', { ...v2, name: 'Renamed', states: [screen, hired] });
    const run = hireflow('diff', before, after);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('- state      State "rejected" removed');
    expect(run.stdout).toContain('- transition Transition REJECT from screen to rejected removed');
    expect(run.stdout).toMatch(/0 added, 2 removed, 1 changed\n$/);
    const json = JSON.parse(hireflow('diff', '--json', before, after).stdout);
    expect(json).toMatchObject({ ok: true, counts: { added: 0, removed: 2, changed: 1 } });
  });

  it('answers a missing file with a clear message and exit 1', () => {
    const run = hireflow('validate', 'missing.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('hireflow: Cannot read missing.json: there is no such file.\n');
  });

  it('answers a file that is not JSON with a clear message and exit 1', () => {
    const run = hireflow('compile', file('broken.json', '{ "schemaVersion": 2,'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^hireflow: broken\.json is not valid JSON: .+\n$/);
    noStack(run);
  });

  it.each([
    ['an unknown command', ['deploy', 'x.json'], 'Unknown command "deploy"'],
    ['an unknown option', ['validate', '--strict', 'x.json'], "Unknown option '--strict'"],
    ['a missing argument', ['diff', 'a.json'], '"diff" takes 2 argument(s), got 1'],
    ['no command at all', [], 'Say which command to run'],
  ])('treats %s as a usage error: exit 2 and the usage', (_what, args, message) => {
    const run = hireflow(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('hireflow validate <spec.json>');
    noStack(run);
  });

  it('shows the commands with --help and exits 0', () => {
    const run = hireflow('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('hireflow compile <spec.json>');
    expect(run.stdout).toContain('hireflow diff <a.json> <b.json>');
  });
});
