import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DB_FILE } from '../store/index.ts';
import { type CliCommand, type CommandInput, MissingFileError } from './cliCommand.ts';

/** The database file a command names with `--db` (default `data/hireflow.db`), resolved. */
export function databaseFile(input: CommandInput): string {
  return resolve(input.io.cwd, typeof input.values.db === 'string' ? input.values.db : DEFAULT_DB_FILE);
}

/**
 * The same command, refusing a `--db` that does not exist (exit 2) instead of creating an empty
 * database: a mistyped path must not read as "audit log intact, 0 entries".
 */
export function requireExistingDatabase(command: CliCommand): CliCommand {
  return {
    ...command,
    run(input) {
      const file = databaseFile(input);
      if (!existsSync(file)) {
        throw new MissingFileError(
          `No database at ${file}. Check --db (commands that read never create one).`,
        );
      }
      return command.run(input);
    },
  };
}
