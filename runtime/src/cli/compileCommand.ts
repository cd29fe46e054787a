import { compile } from '../compiler/index.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { countDiagnostics, formatDiagnostics, toJsonLine } from './formatDiagnostics.ts';
import { readSpecFile } from './readSpecFile.ts';

/**
 * `hireflow compile <spec.json>`: prints the XState definition (pretty JSON, canonical key order) on
 * stdout, warnings on stderr; with errors prints them and no definition, and exits 1.
 */
export const compileCommand: CliCommand = {
  name: 'compile',
  usage: 'compile <spec.json>',
  summary: 'Print the XState v5 definition of a workflow spec',
  positionals: { min: 1, max: 1 },
  async run({ positionals, json, io }) {
    const file = positionals[0] as string;
    const result = compile(await readSpecFile(file, io.cwd));
    const ok = result.definition !== null;
    if (json) {
      io.out(
        toJsonLine({
          ok,
          file,
          hash: result.hash,
          definition: result.definition,
          diagnostics: result.diagnostics,
        }),
      );
      return ok ? EXIT.ok : EXIT.invalid;
    }
    io.err(formatDiagnostics(result.diagnostics));
    if (!ok) {
      io.err(`${file}: not compiled (${countDiagnostics(result.diagnostics)})\n`);
      return EXIT.invalid;
    }
    io.out(`${JSON.stringify(result.definition, null, 2)}\n`);
    return EXIT.ok;
  },
};
