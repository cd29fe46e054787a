import type { WorkflowRow } from '../runtime.ts';

/**
 * The kind of subject a workflow's instances are about (`application`, `requisition`…), from its
 * spec: with the ATS reference it makes the subject's stable pseudonym.
 */
export function subjectKindOf(workflow: WorkflowRow): string {
  return (workflow.draftSpec as { subjectType?: string }).subjectType ?? 'application';
}
