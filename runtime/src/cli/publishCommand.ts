import { createWorkflow, getWorkflow, updateDraft } from '../store/index.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { cliActor, DB_OPTIONS, withEngine } from './cliEngine.ts';
import { formatDiagnostics, toJsonLine } from './formatDiagnostics.ts';
import { readSpecFile } from './readSpecFile.ts';

/** `hireflow publish <spec.json>`: saves the spec as the workflow's draft and publishes it as a version. */
export const publishCommand: CliCommand = {
  name: 'publish',
  usage: 'publish <spec.json> [--changelog text] [--db file]',
  summary: 'Publish a spec as a new immutable version (no-op when unchanged)',
  positionals: { min: 1, max: 1 },
  options: { ...DB_OPTIONS, changelog: { type: 'string' } },
  async run(input) {
    const spec = (await readSpecFile(input.positionals[0] as string, input.io.cwd)) as Record<
      string,
      unknown
    >;
    return withEngine(input, (engine, db) => {
      const id = typeof spec?.id === 'string' ? spec.id : '';
      const now = engine.clock.now().getTime();
      const existing = id ? getWorkflow(db, id) : undefined;
      if (id && !existing) {
        createWorkflow(db, {
          id,
          name: String(spec.name ?? id),
          businessUnit: typeof spec.businessUnit === 'string' ? spec.businessUnit : null,
          draftSpec: spec as never,
          now,
        });
      } else if (existing) {
        updateDraft(db, id, existing.draftRevision, { draftSpec: spec as never, now });
      }
      const result = id
        ? engine.publish({
            workflowId: id,
            actor: cliActor(input.values),
            changelog: String(input.values.changelog ?? ''),
          })
        : {
            kind: 'invalid' as const,
            diagnostics: [
              {
                path: 'id',
                severity: 'error' as const,
                code: 'SPEC_INVALID' as const,
                message: 'The spec has no id.',
              },
            ],
          };
      if (result.kind === 'invalid') {
        if (input.json)
          input.io.out(toJsonLine({ ok: false, kind: 'invalid', diagnostics: result.diagnostics }));
        else input.io.err(formatDiagnostics(result.diagnostics));
        return EXIT.invalid;
      }
      const { version } = result;
      const summary = {
        ok: true,
        kind: result.kind,
        workflowId: version.workflowId,
        versionId: version.id,
        number: version.number,
        hash: version.hash,
      };
      input.io.out(
        input.json
          ? toJsonLine(summary)
          : `${result.kind === 'published' ? 'Published' : 'Unchanged:'} ${version.workflowId} v${version.number} (${version.hash.slice(0, 12)})\n`,
      );
      return EXIT.ok;
    });
  },
};
