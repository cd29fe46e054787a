import { iterateAuditEntries, listAuditEntries } from '../audit/index.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { DB_OPTIONS, withEngine } from './cliEngine.ts';

/** `hireflow export`: the audit log as NDJSON (one entry per line), all or one instance. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export [--instance id] [--db file]',
  summary: 'Print audit entries as NDJSON',
  positionals: { min: 0, max: 0 },
  options: { ...DB_OPTIONS, instance: { type: 'string' } },
  run(input) {
    return withEngine(input, (_engine, db) => {
      const entries =
        typeof input.values.instance === 'string'
          ? listAuditEntries(db, input.values.instance)
          : iterateAuditEntries(db);
      for (const entry of entries) input.io.out(`${JSON.stringify(entry)}\n`);
      return EXIT.ok;
    });
  },
};
