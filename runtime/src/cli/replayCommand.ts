import { replay } from '../engine/index.ts';
import { type CliCommand, CliInputError, EXIT } from './cliCommand.ts';
import { DB_OPTIONS, withEngine } from './cliEngine.ts';
import { toJsonLine } from './formatDiagnostics.ts';

/** `hireflow replay <instanceId>`: re-runs the recorded history through the pinned version. */
export const replayCommand: CliCommand = {
  name: 'replay',
  usage: 'replay <instanceId> [--until iso-time] [--db file]',
  summary: "Replay an instance's history against its version; exit 1 on the first mismatch",
  positionals: { min: 1, max: 1 },
  options: { ...DB_OPTIONS, until: { type: 'string' } },
  run(input) {
    return withEngine(input, (_engine, db) => {
      const id = input.positionals[0] as string;
      const result = replay(db, id, {
        until: typeof input.values.until === 'string' ? input.values.until : undefined,
      });
      if (!result) throw new CliInputError(`No instance ${id}.`);
      if (input.json) input.io.out(toJsonLine(result));
      else if (result.ok)
        input.io.out(
          `Replay matches the log: ${result.steps} steps; state ${JSON.stringify(result.stateAt?.value)}.\n`,
        );
      else
        input.io.err(
          `Replay differs at entry ${result.firstMismatch?.idx}: ${JSON.stringify(result.firstMismatch)}\n`,
        );
      return result.ok ? EXIT.ok : EXIT.invalid;
    });
  },
};
