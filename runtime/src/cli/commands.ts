import { backupCommand } from './backupCommand.ts';
import type { CliCommand } from './cliCommand.ts';
import { compileCommand } from './compileCommand.ts';
import { diffCommand } from './diffCommand.ts';
import { eraseCommand } from './eraseCommand.ts';
import { exportCommand } from './exportCommand.ts';
import { publishCommand } from './publishCommand.ts';
import { replayCommand } from './replayCommand.ts';
import { requireExistingDatabase } from './requireExistingDatabase.ts';
import { restoreCommand } from './restoreCommand.ts';
import { sendCommand } from './sendCommand.ts';
import { startCommand } from './startCommand.ts';
import { validateCommand } from './validateCommand.ts';
import { verifyCommand } from './verifyCommand.ts';

/** Every `hireflow` command, in the order `--help` lists them. Add a command here to ship it. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  compileCommand,
  diffCommand,
  publishCommand,
  startCommand,
  sendCommand,
  // Commands that only read refuse a missing --db instead of creating an empty database.
  requireExistingDatabase(verifyCommand),
  requireExistingDatabase(replayCommand),
  requireExistingDatabase(exportCommand),
  requireExistingDatabase(backupCommand),
  restoreCommand,
  requireExistingDatabase(eraseCommand),
];
