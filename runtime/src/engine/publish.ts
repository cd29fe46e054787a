import { type Diagnostic, preparePublish, type WorkflowVersion } from '../compiler/index.ts';
import type { WorkflowSpec } from '../model/index.ts';
import type { OutboundAllowList } from '../outbox/outboundPolicy.ts';
import {
  getLatestVersion,
  getVersion,
  getWorkflow,
  type HireflowDb,
  insertVersion,
  type JsonObject,
  setRouting,
  type VersionRow,
  type WorkflowRouting,
} from '../store/index.ts';
import type { EngineActor } from './actor.ts';
import type { Clock } from './clock.ts';
import { EngineError } from './refusal.ts';

export interface PublishInput {
  workflowId: string;
  /** The spec to publish (defaults to the workflow's saved draft). */
  spec?: unknown;
  actor: EngineActor;
  changelog: string;
  /** The upstream spec of a fork, to protect its locked states. */
  upstream?: WorkflowSpec | undefined;
  /** Refuse webhook URLs the outbound policy refuses (`OUTBOUND_URL_REFUSED`); unchecked when absent. */
  outboundAllow?: OutboundAllowList | undefined;
  /**
   * Make the published version (or, when unchanged, the latest) the routing default for new
   * instances, in the same transaction. Without it only the first version becomes the default; a pilot
   * on that same version ends (it is now everyone's version).
   */
  makeDefault?: boolean | undefined;
}

export type PublishResult =
  | { kind: 'published' | 'unchanged'; version: VersionRow; diagnostics: Diagnostic[] }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

const toWorkflowVersion = (row: VersionRow): WorkflowVersion => ({
  workflowId: row.workflowId,
  number: row.number,
  hash: row.hash,
  spec: row.spec,
  definition: row.definition as unknown as WorkflowVersion['definition'],
  publishedBy: row.publishedBy,
  publishedAt: new Date(row.publishedAt).toISOString(),
  changelog: row.changelog,
});

function makeDefaultVersion(
  db: HireflowDb,
  workflowId: string,
  routing: WorkflowRouting,
  versionId: string,
  at: number,
) {
  const { pilot, ...rest } = routing;
  const keptPilot = pilot && pilot.versionId !== versionId ? { pilot } : {};
  setRouting(db, workflowId, { ...rest, defaultVersion: versionId, ...keptPilot }, at);
}

/**
 * Compiles and freezes a version in one transaction. Unchanged content returns the latest version;
 * the first version becomes the routing default.
 */
export function publishWorkflow(db: HireflowDb, clock: Clock, input: PublishInput): PublishResult {
  return db.transaction((): PublishResult => {
    const workflow = getWorkflow(db, input.workflowId);
    if (!workflow) throw new EngineError('NOT_FOUND', `no workflow ${input.workflowId}`);
    const spec = input.spec ?? workflow.draftSpec;
    if ((spec as { id?: unknown })?.id !== workflow.id) {
      return {
        kind: 'invalid',
        diagnostics: [
          {
            path: 'id',
            severity: 'error',
            code: 'SPEC_INVALID',
            message: `The spec id must be "${workflow.id}".`,
          },
        ],
      };
    }
    const latestRow = getLatestVersion(db, workflow.id);
    const now = clock.now();
    const outcome = preparePublish({
      spec,
      publishedBy: input.actor.id,
      publishedAt: now.toISOString(),
      changelog: input.changelog,
      latest: latestRow ? toWorkflowVersion(latestRow) : undefined,
      upstream: input.upstream,
      outboundAllow: input.outboundAllow,
    });
    if (outcome.kind === 'invalid') return outcome;
    if (outcome.kind === 'unchanged') {
      const latest = latestRow as VersionRow;
      if (input.makeDefault) makeDefaultVersion(db, workflow.id, workflow.routing, latest.id, now.getTime());
      return { kind: 'unchanged', version: latest, diagnostics: [] };
    }
    const v = outcome.version;
    const row = insertVersion(db, {
      workflowId: v.workflowId,
      number: v.number,
      hash: v.hash,
      spec: v.spec,
      definition: v.definition as unknown as JsonObject,
      publishedBy: v.publishedBy,
      publishedAt: now.getTime(),
      changelog: v.changelog,
    });
    if (
      input.makeDefault ||
      !workflow.routing.defaultVersion ||
      !getVersion(db, workflow.routing.defaultVersion)
    ) {
      makeDefaultVersion(db, workflow.id, workflow.routing, row.id, now.getTime());
    }
    return { kind: 'published', version: row, diagnostics: outcome.diagnostics };
  });
}
