import type { WorkflowSpec } from '@hireflow/runtime/model';
import { toInstanceSummary } from '../instances/instanceViews.ts';
import { type EngineActor, readInstance, syntheticSubjects, type WorkflowRow } from '../runtime.ts';
import type { Sandbox } from './sandboxAccess.ts';

/** A synthetic subject the engine refused to start (its context did not fit the workflow). */
export interface SyntheticRefusal {
  subjectId: string;
  code: string;
  message: string;
}

/**
 * Starts `count` seeded synthetic subjects on the sandbox workflow's routed version. Subject ids are
 * `synthetic-<seed>-<n>`, so the same seed gives the same candidates (and the same pilot sides).
 */
export function startSynthetic(
  sandbox: Sandbox,
  workflow: WorkflowRow,
  spec: WorkflowSpec,
  actor: EngineActor,
  request: { count: number; seed: number },
) {
  const now = sandbox.clock.now();
  const subjects = syntheticSubjects(spec.context, { seed: request.seed, count: request.count, now });
  const items: ReturnType<typeof toInstanceSummary>[] = [];
  const refused: SyntheticRefusal[] = [];
  for (const subject of subjects) {
    const result = sandbox.engine.start({
      workflowId: workflow.id,
      businessUnit: workflow.businessUnit ?? '',
      subject: { kind: spec.subjectType, externalRef: subject.externalRef },
      context: subject.context,
      actor,
    });
    const view = result.ok ? readInstance(sandbox.db, result.instanceId, actor, now.getTime()) : undefined;
    if (view) items.push(toInstanceSummary(view));
    else if (!result.ok)
      refused.push({ subjectId: subject.externalRef, code: result.code, message: result.message });
  }
  return { items, refused };
}
