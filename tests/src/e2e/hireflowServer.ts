import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './repoPaths.ts';

/** The first admin every started server gets (a throwaway account in a throwaway database). */
export const E2E_ADMIN = { email: 'ta-ops-admin@example.com', password: 'journey-password-2026' } as const;

/** A real Hireflow server running as a child process. */
export interface HireflowProcess {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s; then the data folder is removed. */
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Starts the server the way a user does (`pnpm --filter @hireflow/server start` runs
 * `tsx src/main.ts` in server/): its own temp `HIREFLOW_DATA_DIR`, a free `PORT` and a known admin.
 * Node runs tsx as a loader in one process, so SIGTERM reaches the server itself and not a wrapper.
 */
export async function startHireflow(): Promise<HireflowProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hireflow-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(REPO_ROOT, 'server'),
    env: {
      ...process.env,
      HIREFLOW_DATA_DIR: dataDir,
      PORT: String(port),
      HIREFLOW_ADMIN_EMAIL: E2E_ADMIN.email,
      HIREFLOW_ADMIN_PASSWORD: E2E_ADMIN.password,
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
  try {
    await waitFor(
      () => output.includes('listening on'),
      child,
      60_000,
      () => output,
    );
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(
  ready: () => boolean,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
