import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a target process reports once it listens: its port and whatever the load needs. */
export interface TargetReady {
  port: number;
  [key: string]: unknown;
}

/** A server under test, running in its own process. */
export interface RunningTarget<T extends TargetReady> {
  ready: T;
  url: string;
  /** Asks the target to close and waits for it to exit (so a CPU profile gets written). */
  stop(): Promise<void>;
}

/**
 * Starts `targets/<name>.ts` in a child process, so the server and the load generator each get a
 * core of their own, and resolves once the child reported its port. `args` reach the child as argv.
 * With `BENCH_CPU_PROF=<dir>`, the child writes a V8 CPU profile there (`node --cpu-prof`).
 */
export function spawnTarget<T extends TargetReady>(
  name: string,
  args: string[] = [],
): Promise<RunningTarget<T>> {
  const file = fileURLToPath(new URL(`./targets/${name}.ts`, import.meta.url));
  const profile = process.env.BENCH_CPU_PROF;
  const child = fork(file, args, {
    // The parent runs under tsx; its loader flags let the child run TypeScript too.
    execArgv: [...process.execArgv, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`target ${name} exited early (${code})`)));
    child.once('message', (message) => {
      const ready = message as T;
      resolve({
        ready,
        url: `http://127.0.0.1:${ready.port}`,
        async stop() {
          child.send('stop');
          await exited;
        },
      });
    });
  });
}

/** In a target: report readiness, then close and exit when the parent says stop (or goes away). */
export function serveUntilStopped(ready: TargetReady, close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (message) => message === 'stop' && stop());
  process.on('disconnect', stop);
  process.send?.(ready);
}
