import type { ForkOrigin, JsonValue, WorkflowSpec } from '@hireflow/runtime/model';
import type { ServerStore } from '../db/openServerStore.ts';
import { getWorkflowMeta, touchWorkflow } from '../db/workflowMeta.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canWriteUnit, type Principal, requireVisible } from '../http/principal.ts';
import { createWorkflow, getWorkflow, isUniqueViolation, StoreError, type WorkflowRow } from '../runtime.ts';
import { type Draft, toDraft, toWorkflowSummary, type WorkflowSummary } from './workflowViews.ts';

/** A workflow the principal may see and that is not archived; anything else is a 404. */
export function loadWorkflow(store: ServerStore, principal: Principal, id: string): WorkflowRow {
  const row = getWorkflow(store.db, id);
  const archived = row !== undefined && getWorkflowMeta(store, id)?.archivedAt != null;
  return requireVisible(principal, archived ? undefined : row, (workflow) => workflow.businessUnit);
}

/** The unit a new workflow goes to: the one asked for, else the caller's first; 403 if not theirs. */
export function targetUnit(principal: Principal, asked: string | undefined): string {
  const unit = asked ?? principal.user.businessUnits[0];
  if (unit === undefined)
    throw new ProblemError('VALIDATION', 'Name the business unit of the workflow', {
      errors: [{ path: 'businessUnit', message: 'you belong to no business unit; name one' }],
    });
  if (!canWriteUnit(principal, unit))
    throw new ProblemError('FORBIDDEN', `You cannot create workflows in ${unit}`);
  return unit;
}

/**
 * Stores a new workflow (create, template fork, workflow fork) with `spec` as its draft.
 * @throws ProblemError `CONFLICT` when the id is taken.
 */
export function insertWorkflow(
  store: ServerStore,
  principal: Principal,
  spec: WorkflowSpec,
  now: number,
  forkedFrom?: ForkOrigin,
): { workflow: WorkflowSummary; draft: Draft } {
  try {
    const row = store.db.transaction(() => {
      const created = createWorkflow(store.db, {
        id: spec.id,
        name: spec.name,
        businessUnit: spec.businessUnit ?? null,
        draftSpec: spec as unknown as JsonValue,
        forkedFrom: forkedFrom ?? null,
        now,
      });
      touchWorkflow(store, spec.id, principal.user.id);
      return created;
    });
    const meta = getWorkflowMeta(store, row.id);
    return { workflow: toWorkflowSummary(store.db, row, meta), draft: toDraft(row, meta) };
  } catch (error) {
    if ((error instanceof StoreError && error.code === 'STORE_CONFLICT') || isUniqueViolation(error)) {
      throw new ProblemError('CONFLICT', `A workflow with id '${spec.id}' already exists`, {
        errors: [{ path: 'id', message: 'already taken' }],
      });
    }
    throw error;
  }
}
