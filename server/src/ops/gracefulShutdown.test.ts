import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../testing/httpClient.ts';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = { email: 'ops-admin@example.com', password: 'shutdown-test-password-1' };
const DEADLINE_MS = 3000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('graceful shutdown of the real server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hireflow-shutdown-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends open event streams and exits 0 within the deadline on SIGTERM', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        HIREFLOW_DATA_DIR: dataDir,
        HIREFLOW_ADMIN_EMAIL: ADMIN.email,
        HIREFLOW_ADMIN_PASSWORD: ADMIN.password,
        HIREFLOW_SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exit = exited(child);
    const started = Date.now();
    while (!output.includes('listening on')) {
      if (Date.now() - started > 90_000) throw new Error(`server did not start:\n${output}`);
      if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const client = new HttpClient(`http://127.0.0.1:${port}`);
    await client.login(ADMIN.email, ADMIN.password);
    const stream = await fetch(`${client.baseUrl}/api/stream`, { headers: client.authHeaders() });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    const streamEnded = (async () => {
      for (;;) if ((await reader?.read())?.done !== false) return true;
    })();

    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await exit;
    const tookMs = Date.now() - signalled;
    expect(code, output).toBe(0);
    expect(tookMs).toBeLessThan(DEADLINE_MS);
    await expect(streamEnded).resolves.toBe(true);
    // One JSON object per line, and the shutdown is logged.
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  }, 120_000);

  it('refuses to start on a bad environment, naming the variable, exit 1', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: { ...process.env, PORT: 'eighty', HIREFLOW_LOG_LEVEL: 'loud', HIREFLOW_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    bad.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await exited(bad)).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('HIREFLOW_LOG_LEVEL');
  }, 120_000);
});
