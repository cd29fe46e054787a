import { type DiffChange, diff } from '../compiler/index.ts';
import { parseSpec, type WorkflowSpec } from '../model/index.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { formatDiagnostics, toJsonLine } from './formatDiagnostics.ts';
import { readSpecFile } from './readSpecFile.ts';

const MARK: Record<DiffChange, string> = { added: '+', removed: '-', changed: '~' };

type Parsed =
  | { file: string; spec: WorkflowSpec }
  | { file: string; issues: { path: string; message: string }[] };

async function load(file: string, cwd: string): Promise<Parsed> {
  const result = parseSpec(await readSpecFile(file, cwd));
  return result.ok ? { file, spec: result.spec } : { file, issues: result.issues };
}

/**
 * `hireflow diff <a.json> <b.json>`: what changed from a to b (states, transitions, guards, timers,
 * approvers), one line each: `+` added, `-` removed, `~` changed. Drafts with compiler errors can be
 * compared; specs that do not parse cannot (exit 1).
 */
export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'diff <a.json> <b.json>',
  summary: 'List what changed between two workflow specs',
  positionals: { min: 2, max: 2 },
  async run({ positionals, json, io }) {
    const [a, b] = [
      await load(positionals[0] as string, io.cwd),
      await load(positionals[1] as string, io.cwd),
    ];
    if (!('spec' in a) || !('spec' in b)) {
      const invalid = [a, b].flatMap((p) =>
        'issues' in p
          ? [
              {
                file: p.file,
                diagnostics: p.issues.map((i) => ({
                  ...i,
                  severity: 'error' as const,
                  code: 'SPEC_INVALID' as const,
                })),
              },
            ]
          : [],
      );
      if (json) io.out(toJsonLine({ ok: false, invalid }));
      else for (const { file, diagnostics } of invalid) io.err(`${file}:\n${formatDiagnostics(diagnostics)}`);
      return EXIT.invalid;
    }
    const result = diff(a.spec, b.spec);
    if (json) {
      io.out(toJsonLine({ ok: true, from: a.file, to: b.file, ...result }));
      return EXIT.ok;
    }
    for (const entry of result.entries)
      io.out(`${MARK[entry.change]} ${entry.kind.padEnd(10)} ${entry.summary}\n`);
    const { added, removed, changed } = result.counts;
    io.out(
      result.entries.length === 0
        ? 'No differences.\n'
        : `${added} added, ${removed} removed, ${changed} changed\n`,
    );
    return EXIT.ok;
  },
};
