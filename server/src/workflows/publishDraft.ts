import { preparePublish, type WorkflowVersion } from '@hireflow/runtime/compiler';
import type { WorkflowSpec } from '@hireflow/runtime/model';
import { ProblemError } from '../http/ProblemError.ts';
import {
  getLatestVersion,
  type HireflowDb,
  insertVersion,
  setRouting,
  toVersionId,
  type VersionRow,
  type WorkflowRow,
} from '../runtime.ts';

function toWorkflowVersion(row: VersionRow): WorkflowVersion {
  return {
    workflowId: row.workflowId,
    number: row.number,
    hash: row.hash,
    spec: row.spec,
    definition: row.definition as unknown as WorkflowVersion['definition'],
    publishedBy: row.publishedBy,
    publishedAt: new Date(row.publishedAt).toISOString(),
    changelog: row.changelog,
  };
}

/**
 * Publishes the workflow's draft as a new immutable version in one transaction: compile (refusing
 * with `PUBLISH_BLOCKED` and the error diagnostics), no-op when the content equals the latest
 * version, and route new instances to the first version. The engine's `publish` will replace this.
 */
export function publishDraft(
  db: HireflowDb,
  workflow: WorkflowRow,
  request: { changelog: string; actorId: string; now: number; upstream?: WorkflowSpec | undefined },
): { version: VersionRow; unchanged: boolean } {
  return db.transaction(() => {
    const latest = getLatestVersion(db, workflow.id);
    const outcome = preparePublish({
      spec: workflow.draftSpec,
      publishedBy: request.actorId,
      publishedAt: new Date(request.now).toISOString(),
      changelog: request.changelog,
      latest: latest && toWorkflowVersion(latest),
      upstream: request.upstream,
    });
    if (outcome.kind === 'invalid') {
      const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
      throw new ProblemError('PUBLISH_BLOCKED', `${errors.length} error(s) block publishing`, {
        errors: errors.map((d) => ({ path: d.path, message: d.message })),
        extra: { diagnostics: outcome.diagnostics },
      });
    }
    if (outcome.kind === 'unchanged' && latest) return { version: latest, unchanged: true };
    const version = insertVersion(db, {
      workflowId: workflow.id,
      number: outcome.version.number,
      hash: outcome.version.hash,
      spec: outcome.version.spec,
      definition: outcome.version.definition as unknown as VersionRow['definition'],
      publishedBy: request.actorId,
      publishedAt: request.now,
      changelog: request.changelog,
    });
    if (workflow.routing.defaultVersion === null) {
      setRouting(
        db,
        workflow.id,
        { ...workflow.routing, defaultVersion: toVersionId(workflow.id, version.number) },
        request.now,
      );
    }
    return { version, unchanged: false };
  });
}
