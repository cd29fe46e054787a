import { countInstances as countInStore, type HireflowDb } from '../runtime.ts';

/** Running and overdue instances of a workflow, for its card (two counting queries in the store). */
export function countInstances(
  db: HireflowDb,
  workflowId: string,
  now = Date.now(),
): { running: number; overdue: number } {
  return countInStore(db, workflowId, now);
}
