import { eraseSubjectData, scrubDatabaseFile } from '../engine/index.ts';
import { ERASURE_REASONS, type ErasureReason } from '../model/index.ts';
import { type CliCommand, CliInputError, EXIT, UsageError } from './cliCommand.ts';
import { cliActor, DB_OPTIONS, withEngine } from './cliEngine.ts';
import { toJsonLine } from './formatDiagnostics.ts';

const isReason = (value: unknown): value is ErasureReason =>
  typeof value === 'string' && (ERASURE_REASONS as readonly string[]).includes(value);

/**
 * `hireflow erase <subjectId> --reason <reason>`: crypto-shreds a subject (its data key is deleted),
 * audits the erasure on each of its instances and scrubs the database file (TRUNCATE checkpoint).
 */
export const eraseCommand: CliCommand = {
  name: 'erase',
  usage: `erase <subjectId> --reason <${ERASURE_REASONS.join('|')}> [--reference id] [--db file]`,
  summary: "Erase a subject's personal data (the audit chains stay valid)",
  positionals: { min: 1, max: 1 },
  options: { ...DB_OPTIONS, reason: { type: 'string' }, reference: { type: 'string' } },
  run(input) {
    const reason = input.values.reason;
    if (!isReason(reason)) throw new UsageError(`--reason: one of ${ERASURE_REASONS.join(', ')}.`);
    const reference = typeof input.values.reference === 'string' ? input.values.reference : undefined;
    return withEngine(input, (engine, db) => {
      const [subjectId] = input.positionals as [string];
      let result: ReturnType<typeof eraseSubjectData>;
      try {
        result = eraseSubjectData(db, engine.clock, subjectId, cliActor(input.values), { reason, reference });
      } catch (error) {
        if (error instanceof RangeError) throw new CliInputError(`--${error.message}.`);
        throw error;
      }
      const scrubbed = result.erased ? scrubDatabaseFile(db) : true;
      if (input.json) input.io.out(toJsonLine({ ...result, subjectId, scrubbed }));
      else if (!result.erased)
        input.io.err(`No subject ${subjectId} to erase (unknown or already erased).\n`);
      else
        input.io.out(
          `Erased ${subjectId}: key destroyed, erasure audited on ${result.instances} instance(s)` +
            `${scrubbed ? ', database file scrubbed' : '; WAL busy, run again to scrub the file'}.\n`,
        );
      return result.erased ? EXIT.ok : EXIT.invalid;
    });
  },
};
