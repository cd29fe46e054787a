import { eq } from 'drizzle-orm';
import type { ServerStore } from './openServerStore.ts';
import { workflowMeta } from './schema.ts';

/** Who saved a workflow last and whether it is archived. */
export type WorkflowMetaRow = typeof workflowMeta.$inferSelect;

/** Records who changed the workflow last. */
export function touchWorkflow(store: ServerStore, workflowId: string, userId: string): void {
  store.orm
    .insert(workflowMeta)
    .values({ workflowId, updatedBy: userId })
    .onConflictDoUpdate({ target: workflowMeta.workflowId, set: { updatedBy: userId } })
    .run();
}

/** Archives a workflow: it leaves lists and lookups, its versions and audit stay. */
export function archiveWorkflow(store: ServerStore, workflowId: string, userId: string, now: number): void {
  store.orm
    .insert(workflowMeta)
    .values({ workflowId, updatedBy: userId, archivedAt: now })
    .onConflictDoUpdate({ target: workflowMeta.workflowId, set: { updatedBy: userId, archivedAt: now } })
    .run();
}

/** Meta of every workflow, by id. */
export function workflowMetaById(store: ServerStore): Map<string, WorkflowMetaRow> {
  return new Map(
    store.orm
      .select()
      .from(workflowMeta)
      .all()
      .map((row) => [row.workflowId, row]),
  );
}

/** Meta of one workflow, or undefined when it never had any. */
export function getWorkflowMeta(store: ServerStore, workflowId: string): WorkflowMetaRow | undefined {
  return store.orm.select().from(workflowMeta).where(eq(workflowMeta.workflowId, workflowId)).get();
}
