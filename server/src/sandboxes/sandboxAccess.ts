import { CalendarSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import type { AppDeps } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { type Principal, requireVisible, toEngineActor } from '../http/principal.ts';
import {
  type EngineActor,
  getVersion,
  getWorkflow,
  listInstances,
  listWorkflows,
  SandboxError,
  type SandboxManager,
  type WorkflowRow,
} from '../runtime.ts';

/** One open sandbox of the manager. */
export type Sandbox = ReturnType<SandboxManager['get']>;

/** The server's sandboxes; a server started without them answers 404 on every sandbox route. */
export function requireSandboxes(deps: AppDeps): SandboxManager {
  if (!deps.sandboxes) throw new ProblemError('NOT_FOUND', 'This server keeps no sandboxes');
  return deps.sandboxes;
}

/**
 * Runs a sandbox manager call and answers its errors as problems: a missing sandbox is a 404, a
 * taken name a 409, a bad name a 422 on `name`.
 */
export function sandboxCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    if (error.code === 'SANDBOX_NOT_FOUND') throw new ProblemError('NOT_FOUND', error.message);
    const code = error.code === 'SANDBOX_EXISTS' ? 'CONFLICT' : 'VALIDATION';
    throw new ProblemError(code, error.message, {
      errors: [{ path: 'name', message: error.message }],
      cause: error,
    });
  }
}

/** A sandbox as the API shows it: name, its clock, when it was made, how many instances it holds. */
export function toSandboxView(sandbox: Sandbox, createdAt: string) {
  return {
    name: sandbox.name,
    now: sandbox.clock.now().toISOString(),
    createdAt,
    instances: listInstances(sandbox.db, { limit: 1_000_000 }).length,
  };
}

/** The sandbox copy of a workflow the principal may see (same business-unit rule as production). */
export function loadSandboxWorkflow(sandbox: Sandbox, principal: Principal, id: string): WorkflowRow {
  const row = getWorkflow(sandbox.db, id);
  return requireVisible(principal, row, (workflow) => workflow.businessUnit);
}

/** The spec new instances of a sandbox workflow start on (its routed default version). */
export function defaultSpecOf(sandbox: Sandbox, workflow: WorkflowRow): WorkflowSpec {
  const version = workflow.routing.defaultVersion
    ? getVersion(sandbox.db, workflow.routing.defaultVersion)
    : undefined;
  if (!version) throw new ProblemError('NOT_FOUND', `Publish ${workflow.id} into this sandbox first`);
  return version.spec;
}

/** The calendar "+N business days" follows: the named workflow's, the sandbox's first, or Mon–Fri 9–17 UTC. */
export function sandboxCalendar(sandbox: Sandbox, principal: Principal, workflowId?: string): CalendarSpec {
  const workflow =
    workflowId === undefined
      ? listWorkflows(sandbox.db).find((row) => row.routing.defaultVersion !== null)
      : loadSandboxWorkflow(sandbox, principal, workflowId);
  return workflow ? defaultSpecOf(sandbox, workflow).calendar : CalendarSpec.parse({});
}

/** The engine actor in a sandbox: the caller, optionally playing another role (the data is synthetic). */
export function sandboxActor(principal: Principal, actAs?: EngineActor['role']): EngineActor {
  const actor = toEngineActor(principal);
  return actAs === undefined ? actor : { ...actor, role: actAs };
}
