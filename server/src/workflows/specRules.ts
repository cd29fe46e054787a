import { type ForkOrigin, listStates, parseSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import { getTemplate } from '@hireflow/templates';
import { ProblemError } from '../http/ProblemError.ts';
import { getVersion, type HireflowDb, toVersionId } from '../runtime.ts';

/** Parses a spec from a request body or throws 422 `SPEC_INVALID` with the paths inside the spec. */
export function requireSpec(input: unknown): WorkflowSpec {
  const result = parseSpec(input);
  if (result.ok) return result.spec;
  const detail = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ProblemError('SPEC_INVALID', detail, { errors: result.issues });
}

/** The spec a fork came from (template or workflow version), when it still exists. */
export function upstreamSpec(
  db: HireflowDb,
  origin: ForkOrigin | null | undefined,
): WorkflowSpec | undefined {
  if (!origin) return undefined;
  if (origin.source === 'template') return getTemplate(origin.id);
  return getVersion(db, toVersionId(origin.id, origin.version))?.spec;
}

/** Ids of the states a template or upstream marks `locked` (compliance steps). */
export function lockedStateIds(spec: WorkflowSpec | undefined): string[] {
  if (!spec) return [];
  return listStates(spec)
    .filter((located) => located.state.locked === true)
    .map((located) => located.state.id);
}

/** Throws 422 `LOCKED_STATE` when `spec` dropped a state its upstream locked. */
export function requireLockedStatesKept(spec: WorkflowSpec, upstream: WorkflowSpec | undefined): void {
  const present = new Set(listStates(spec).map((located) => located.state.id));
  const missing = lockedStateIds(upstream).filter((id) => !present.has(id));
  if (missing.length === 0) return;
  throw new ProblemError('LOCKED_STATE', `Locked states cannot be removed: ${missing.join(', ')}`, {
    errors: missing.map((id) => ({ path: 'states', message: `locked state '${id}' was removed` })),
  });
}

/** Throws 422 when a draft tries to change the workflow's id or move it to another business unit. */
export function requireSameIdentity(
  spec: WorkflowSpec,
  workflowId: string,
  businessUnit: string | null,
): void {
  if (spec.id !== workflowId) {
    throw new ProblemError('VALIDATION', 'The spec id cannot change', {
      errors: [{ path: 'spec.id', message: `must stay '${workflowId}'` }],
    });
  }
  if (spec.businessUnit !== undefined && spec.businessUnit !== businessUnit) {
    throw new ProblemError('VALIDATION', 'Move a workflow to another unit by forking it', {
      errors: [{ path: 'spec.businessUnit', message: `must stay '${businessUnit}'` }],
    });
  }
}
