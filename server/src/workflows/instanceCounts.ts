import { type HireflowDb, listInstances } from '../runtime.ts';

/** Cap of the count shown on a workflow card; the list is the place for exact numbers. */
const COUNT_CAP = 10_000;

/**
 * Running instances of a workflow, for its card. Overdue needs the engine's timer view, which the
 * store alone does not expose yet, so it is reported as 0 until the engine answers it.
 */
export function countInstances(db: HireflowDb, workflowId: string): { running: number; overdue: number } {
  const running = listInstances(db, { workflowId, status: 'active', limit: COUNT_CAP }).length;
  return { running, overdue: 0 };
}
