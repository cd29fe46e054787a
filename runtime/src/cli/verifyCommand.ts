import { verify } from '../audit/index.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { DB_OPTIONS, withEngine } from './cliEngine.ts';
import { toJsonLine } from './formatDiagnostics.ts';

/** `hireflow verify`: recomputes every hash chain and the latest checkpoint; exit 1 names the first bad entry. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify [--db file]',
  summary: 'Verify the audit log (hash chains and checkpoint); exit 1 on tampering',
  positionals: { min: 0, max: 0 },
  options: DB_OPTIONS,
  run(input) {
    return withEngine(input, (_engine, db) => {
      const result = verify(db);
      if (input.json) input.io.out(toJsonLine(result));
      else if (result.ok) input.io.out(`Audit log intact: ${result.entriesChecked} entries verified.\n`);
      else input.io.err(`Audit log TAMPERED: first bad entry ${JSON.stringify(result.firstBad)}\n`);
      return result.ok ? EXIT.ok : EXIT.invalid;
    });
  },
};
