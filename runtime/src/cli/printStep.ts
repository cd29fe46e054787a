import type { StepResult } from '../engine/index.ts';
import type { CommandInput } from './cliCommand.ts';
import { toJsonLine } from './formatDiagnostics.ts';

/** Prints a step result: one JSON object with `--json`, else one readable line. */
export function printStep(input: CommandInput, result: StepResult): void {
  if (input.json) {
    input.io.out(toJsonLine(result));
    return;
  }
  if (result.ok) {
    input.io.out(
      `${result.instanceId}  ${result.from.join(',') || '(start)'} → ${result.to.join(',')}  revision ${result.revision}${result.status === 'done' ? `  done (${result.outcome ?? 'ended'})` : ''}\n`,
    );
  } else {
    input.io.err(`refused: ${result.code}: ${result.message}\n`);
  }
}
