import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupDatabase, isDatabaseInUse } from '../store/index.ts';
import { checkDatabaseFile } from './backupCommand.ts';
import { type CliCommand, CliInputError, EXIT, MissingFileError } from './cliCommand.ts';
import { toJsonLine } from './formatDiagnostics.ts';
import { databaseFile } from './requireExistingDatabase.ts';

/**
 * `hireflow restore <backup>`: replaces `--db` with a backup, only if the backup passes the integrity
 * check and audit verification and nobody has the database open. The current file is backed up to
 * `<data dir>/backups/pre-restore-….db` first, so a restore can itself be undone.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <backup-file> [--db file]',
  summary: 'Replace the database with a verified backup (stop the server first)',
  positionals: { min: 1, max: 1 },
  options: { db: { type: 'string' } },
  async run(input) {
    const backup = resolve(input.io.cwd, input.positionals[0] ?? '');
    const target = databaseFile(input);
    if (!existsSync(backup)) throw new MissingFileError(`No backup at ${backup}.`);
    const check = checkDatabaseFile(backup);
    if (!check.ok) throw new CliInputError(`Refusing to restore ${backup}: ${check.problems.join('; ')}.`);
    if (isDatabaseInUse(target)) {
      throw new CliInputError(
        `${target} is open in another process (a running server?): stop it, then restore.`,
      );
    }
    let previous: string | undefined;
    if (existsSync(target)) {
      previous = join(
        dirname(target),
        'backups',
        `pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.db`,
      );
      await backupDatabase(target, previous);
    }
    // Copy beside the target, then rename: the swap is atomic, a crash leaves either file whole.
    const staging = `${target}.restoring`;
    copyFileSync(backup, staging);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    const result = {
      ok: true,
      restored: backup,
      into: target,
      previous: previous ?? null,
      entries: check.entries,
    };
    if (input.json) input.io.out(toJsonLine(result));
    else
      input.io.out(
        `Restored ${backup} into ${target} (audit log intact, ${check.entries} entries).${previous ? ` The previous database is at ${previous}.` : ''}\n`,
      );
    return EXIT.ok;
  },
};
