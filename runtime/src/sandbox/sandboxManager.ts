import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarFor } from '../compiler/index.ts';
import { createEngine, type Engine, fireDueTimers, ManualClock } from '../engine/index.ts';
import type { Duration } from '../model/index.ts';
import { type HireflowDb, openDatabase } from '../store/index.ts';

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** A named sandbox: its own SQLite file and its own manual clock; effects are captured, never sent. */
export interface Sandbox {
  name: string;
  db: HireflowDb;
  clock: ManualClock;
  engine: Engine;
  /** Moves the sandbox clock (business units use the given workflow calendar) and fires due timers. */
  advance(duration: Duration, calendar?: Parameters<typeof calendarFor>[0]): { now: string; fired: number };
}

export interface SandboxInfo {
  name: string;
  now: string;
  createdAt: string;
}

interface ClockFile {
  now: string;
  createdAt: string;
}

export class SandboxError extends Error {
  constructor(
    readonly code: 'SANDBOX_NAME' | 'SANDBOX_EXISTS' | 'SANDBOX_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

/**
 * Sandboxes live under `<dataDir>/sandboxes/<name>.db` with a `<name>.clock.json` beside it. Nothing
 * here can reach the production database: a sandbox engine only ever gets its own file.
 */
export function createSandboxManager(dataDir: string, options: { start?: () => Date } = {}) {
  const dir = join(dataDir, 'sandboxes');
  const open = new Map<string, Sandbox>();
  const fileOf = (name: string) => join(dir, `${name}.db`);
  const clockFile = (name: string) => join(dir, `${name}.clock.json`);
  const check = (name: string) => {
    if (!NAME.test(name))
      throw new SandboxError(
        'SANDBOX_NAME',
        'name: use lowercase letters, digits and "-", starting with a letter',
      );
  };
  const readClock = (name: string): ClockFile =>
    JSON.parse(readFileSync(clockFile(name), 'utf8')) as ClockFile;
  const saveClock = (name: string, clock: ManualClock, createdAt: string) =>
    writeFileSync(
      clockFile(name),
      JSON.stringify({ now: clock.now().toISOString(), createdAt } satisfies ClockFile),
    );

  const get = (name: string): Sandbox => {
    check(name);
    const cached = open.get(name);
    if (cached) return cached;
    if (!existsSync(clockFile(name))) throw new SandboxError('SANDBOX_NOT_FOUND', `no sandbox "${name}"`);
    const saved = readClock(name);
    const db = openDatabase(fileOf(name));
    const clock = new ManualClock(saved.now);
    const engine = createEngine({ db, clock, environment: `sandbox:${name}` });
    const sandbox: Sandbox = {
      name,
      db,
      clock,
      engine,
      advance(duration, calendar) {
        const target = calendar
          ? calendarFor(calendar).addDuration(clock.now(), duration)
          : new Date(clock.now().getTime() + plainMillis(duration));
        // Fire in due order so each timer sees the clock at its own due time.
        let fired = 0;
        const row = () =>
          db.sqlite.prepare("select min(due_at) as due from timers where status = 'armed'").get() as {
            due: number | null;
          };
        for (let next = row().due; next !== null && next <= target.getTime(); next = row().due) {
          if (next > clock.now().getTime()) clock.set(new Date(next));
          const n = fireDueTimers(engine);
          fired += n;
          if (n === 0) break;
        }
        clock.set(target);
        saveClock(name, clock, saved.createdAt);
        return { now: target.toISOString(), fired };
      },
    };
    open.set(name, sandbox);
    return sandbox;
  };

  const close = (name: string) => {
    open.get(name)?.db.close();
    open.delete(name);
  };

  return {
    create(name: string, start?: Date): SandboxInfo {
      check(name);
      mkdirSync(dir, { recursive: true });
      if (existsSync(clockFile(name)))
        throw new SandboxError('SANDBOX_EXISTS', `sandbox "${name}" already exists`);
      const now = (start ?? options.start?.() ?? new Date()).toISOString();
      writeFileSync(
        clockFile(name),
        JSON.stringify({ now, createdAt: new Date().toISOString() } satisfies ClockFile),
      );
      get(name);
      return { name, now, createdAt: readClock(name).createdAt };
    },
    get,
    list(): SandboxInfo[] {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.clock.json'))
        .map((f) => f.slice(0, -'.clock.json'.length))
        .sort()
        .map((name) => {
          const saved = readClock(name);
          return {
            name,
            now: open.get(name)?.clock.now().toISOString() ?? saved.now,
            createdAt: saved.createdAt,
          };
        });
    },
    /** Empties the sandbox (new database file) and keeps its clock where it is. */
    reset(name: string): SandboxInfo {
      const sandbox = get(name);
      const saved = readClock(name);
      const now = sandbox.clock.now().toISOString();
      close(name);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${fileOf(name)}${suffix}`, { force: true });
      writeFileSync(clockFile(name), JSON.stringify({ now, createdAt: saved.createdAt } satisfies ClockFile));
      get(name);
      return { name, now, createdAt: saved.createdAt };
    },
    delete(name: string): void {
      get(name);
      close(name);
      for (const suffix of ['.db', '.db-wal', '.db-shm', '.clock.json'])
        rmSync(join(dir, `${name}${suffix}`), { force: true });
    },
    closeAll(): void {
      for (const name of [...open.keys()]) close(name);
    },
  };
}

export type SandboxManager = ReturnType<typeof createSandboxManager>;

function plainMillis(duration: Duration): number {
  const unit = {
    minutes: 60_000,
    hours: 3_600_000,
    days: 86_400_000,
    businessHours: 3_600_000,
    businessDays: 86_400_000,
  }[duration.unit];
  return duration.amount * unit;
}
