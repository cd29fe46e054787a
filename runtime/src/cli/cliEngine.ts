import { resolve } from 'node:path';
import { createEngine, type Engine, type EngineActor, SystemClock } from '../engine/index.ts';
import { DEFAULT_DB_FILE, type HireflowDb, openDatabase, StoreError } from '../store/index.ts';
import { CliInputError, type CommandInput } from './cliCommand.ts';

/** Options every database command takes. */
export const DB_OPTIONS = {
  db: { type: 'string' },
  actor: { type: 'string' },
  role: { type: 'string' },
} as const;

/** The local operator: the CLI runs with file access, so it acts across business units. */
export function cliActor(values: CommandInput['values']): EngineActor {
  return {
    id: typeof values.actor === 'string' ? values.actor : 'cli',
    role: typeof values.role === 'string' ? values.role : 'admin',
    via: 'cli',
    businessUnits: '*',
  };
}

/** Opens `--db` (default data/hireflow.db), runs `fn` with an engine, always closes the database. */
export async function withEngine<T>(
  input: CommandInput,
  fn: (engine: Engine, db: HireflowDb) => T | Promise<T>,
): Promise<T> {
  const file = resolve(input.io.cwd, typeof input.values.db === 'string' ? input.values.db : DEFAULT_DB_FILE);
  let db: HireflowDb;
  try {
    db = openDatabase(file);
  } catch (error) {
    const detail = error instanceof StoreError ? error.message : String(error);
    throw new CliInputError(`Cannot open the database ${file}: ${detail}.`, { cause: error });
  }
  try {
    return await fn(createEngine({ db, clock: new SystemClock() }), db);
  } finally {
    db.close();
  }
}

/** Parses a JSON option such as `--context '{"level": 5}'`. */
export function jsonOption(
  values: CommandInput['values'],
  name: string,
): Record<string, unknown> | undefined {
  const raw = values[name];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new CliInputError(
      `--${name} must be a JSON object: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}
