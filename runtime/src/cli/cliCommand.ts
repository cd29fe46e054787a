import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: stdout for results, stderr for diagnostics and messages. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

/** What a command receives once the command line has been parsed. */
export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** `--json`: print exactly one JSON object on stdout. */
  json: boolean;
  io: CliIo;
}

/**
 * One `hireflow` command. New commands (publish, start, send, verify, replay, export) are one file
 * each exporting a `CliCommand`, added to {@link COMMANDS} in `commands.ts`.
 */
export interface CliCommand {
  name: string;
  /** e.g. `validate <spec.json>`. */
  usage: string;
  summary: string;
  /** Exact number of positionals, or a range. */
  positionals: { min: number; max: number };
  /** Options of this command besides the global `--json` and `--help`. */
  options?: ParseArgsConfig['options'];
  /** Returns the exit code: {@link EXIT.ok} or {@link EXIT.invalid}. */
  run(input: CommandInput): Promise<number> | number;
}

/** Exit codes: 0 ok, 1 invalid input (a bad spec, an unreadable file), 2 wrong usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** The command line is wrong (unknown command or option, missing argument): exit 2 with the usage. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** The input cannot be used (missing file, not JSON): exit 1 with a clear message, never a stack. */
export class CliInputError extends Error {
  readonly code = 'INPUT_INVALID';
}

/** A file the command line names does not exist (a mistyped `--db`): exit 2, without the usage text. */
export class MissingFileError extends Error {
  readonly code = 'FILE_NOT_FOUND';
}
