import type { CliCommand } from './cliCommand.ts';
import { compileCommand } from './compileCommand.ts';
import { diffCommand } from './diffCommand.ts';
import { validateCommand } from './validateCommand.ts';

/** Every `hireflow` command, in the order `--help` lists them. Add a command here to ship it. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, compileCommand, diffCommand];
