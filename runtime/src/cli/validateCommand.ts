import { compile, hasErrors } from '../compiler/index.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { countDiagnostics, formatDiagnostics, toJsonLine } from './formatDiagnostics.ts';
import { readSpecFile } from './readSpecFile.ts';

/** `hireflow validate <spec.json>`: schema and compiler checks, exit 1 when there is an error. */
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate <spec.json>',
  summary: 'Check a workflow spec and list its problems',
  positionals: { min: 1, max: 1 },
  async run({ positionals, json, io }) {
    const file = positionals[0] as string;
    const result = compile(await readSpecFile(file, io.cwd));
    const ok = !hasErrors(result.diagnostics);
    if (json) {
      io.out(toJsonLine({ ok, file, hash: result.hash, diagnostics: result.diagnostics }));
    } else {
      io.err(formatDiagnostics(result.diagnostics));
      io.out(`${file}: ${ok ? 'valid' : 'invalid'} (${countDiagnostics(result.diagnostics)})\n`);
    }
    return ok ? EXIT.ok : EXIT.invalid;
  },
};
