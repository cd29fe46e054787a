import type { JsonValue } from '@hireflow/runtime/model';
import type { ServerStore } from '../db/openServerStore.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canWriteUnit, type Principal, toEngineActor } from '../http/principal.ts';
import {
  createWorkflow,
  getVersion,
  getWorkflow,
  setRouting,
  toVersionId,
  updateDraft,
  type WorkflowRow,
} from '../runtime.ts';
import { upstreamSpec } from '../workflows/specRules.ts';
import { loadWorkflow } from '../workflows/workflowAccess.ts';
import type { Sandbox } from './sandboxAccess.ts';

/** What a publish into a sandbox answers: the sandbox's own version (its numbers are its own). */
export interface SandboxPublication {
  workflowId: string;
  number: number;
  hash: string;
  publishedAt: string;
  source: 'draft' | number;
  unchanged: boolean;
}

/**
 * Copies a production workflow's draft (or version `n`) into the sandbox and publishes it there. The
 * sandbox routes every new instance to what was published last: a sandbox is for trying that change.
 * Production is only read.
 */
export function publishIntoSandbox(
  store: ServerStore,
  sandbox: Sandbox,
  principal: Principal,
  request: { workflowId: string; version?: number | undefined },
): SandboxPublication {
  const row = loadWorkflow(store, principal, request.workflowId);
  if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
  let spec: JsonValue = row.draftSpec;
  if (request.version !== undefined) {
    const version = getVersion(store.db, toVersionId(row.id, request.version));
    if (!version)
      throw new ProblemError('VALIDATION', `Version ${request.version} does not exist`, {
        errors: [{ path: 'version', message: `no version ${request.version} of ${row.id}` }],
      });
    spec = version.spec as unknown as JsonValue;
  }
  const now = sandbox.clock.now().getTime();
  // One sandbox transaction: the copied draft, the version and the routing land together or not at all.
  return sandbox.db.transaction(() => copyAndPublish(store, sandbox, principal, row, spec, request, now));
}

function copyAndPublish(
  store: ServerStore,
  sandbox: Sandbox,
  principal: Principal,
  row: WorkflowRow,
  spec: JsonValue,
  request: { version?: number | undefined },
  now: number,
): SandboxPublication {
  const name = (spec as { name?: string }).name ?? row.name;
  const copy = getWorkflow(sandbox.db, row.id);
  if (copy) updateDraft(sandbox.db, row.id, copy.draftRevision, { draftSpec: spec as never, name, now });
  else
    createWorkflow(sandbox.db, {
      id: row.id,
      name,
      businessUnit: row.businessUnit,
      draftSpec: spec,
      now,
    });
  const result = sandbox.engine.publish({
    workflowId: row.id,
    actor: toEngineActor(principal),
    changelog: request.version === undefined ? 'draft' : `production v${request.version}`,
    upstream: upstreamSpec(store.db, row.forkedFrom),
  });
  if (result.kind === 'invalid') {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new ProblemError('PUBLISH_BLOCKED', `${errors.length} error(s) block publishing`, {
      errors: errors.map((d) => ({ path: d.path, message: d.message })),
      extra: { diagnostics: result.diagnostics },
    });
  }
  setRouting(sandbox.db, row.id, { defaultVersion: result.version.id }, now);
  return {
    workflowId: row.id,
    number: result.version.number,
    hash: result.version.hash,
    publishedAt: new Date(result.version.publishedAt).toISOString(),
    source: request.version ?? 'draft',
    unchanged: result.kind === 'unchanged',
  };
}
