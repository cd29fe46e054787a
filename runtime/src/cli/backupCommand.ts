import { resolve } from 'node:path';
import { verify } from '../audit/index.ts';
import { backupDatabase, integrityProblems, openDatabase } from '../store/index.ts';
import { type CliCommand, CliInputError, EXIT } from './cliCommand.ts';
import { toJsonLine } from './formatDiagnostics.ts';
import { databaseFile } from './requireExistingDatabase.ts';

/** Integrity check and audit verification of a database file, opened read-only. */
export function checkDatabaseFile(file: string): { ok: boolean; problems: string[]; entries: number } {
  let problems: string[];
  try {
    problems = integrityProblems(file);
  } catch (error) {
    return {
      ok: false,
      problems: [`not a database: ${error instanceof Error ? error.message : String(error)}`],
      entries: 0,
    };
  }
  if (problems.length > 0) return { ok: false, problems, entries: 0 };
  const db = openDatabase(file, { readonly: true });
  try {
    const audit = verify(db);
    return audit.ok
      ? { ok: true, problems: [], entries: audit.entriesChecked }
      : { ok: false, problems: [`audit log: first bad entry ${JSON.stringify(audit.firstBad)}`], entries: 0 };
  } finally {
    db.close();
  }
}

/** `hireflow backup <file>`: an online copy (SQLite backup API) of `--db`, checked after copying. */
export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup <file> [--db file]',
  summary: 'Copy the database while it is in use, then verify the copy (integrity and audit log)',
  positionals: { min: 1, max: 1 },
  options: { db: { type: 'string' } },
  async run(input) {
    const source = databaseFile(input);
    const target = resolve(input.io.cwd, input.positionals[0] ?? '');
    let pages: number;
    try {
      ({ pages } = await backupDatabase(source, target));
    } catch (error) {
      throw new CliInputError(
        `Cannot back up ${source}: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    const check = checkDatabaseFile(target);
    if (input.json) input.io.out(toJsonLine({ file: target, pages, ...check }));
    else if (check.ok)
      input.io.out(
        `Backed up ${source} to ${target} (${pages} pages); integrity ok, audit log intact (${check.entries} entries).\n`,
      );
    else input.io.err(`The copy at ${target} is NOT sound: ${check.problems.join('; ')}\n`);
    return check.ok ? EXIT.ok : EXIT.invalid;
  },
};
