import type { JsonValue } from '@hireflow/runtime/model';
import { getTemplate } from '@hireflow/templates';
import { createWorkflow, type Engine, type EngineActor } from '../src/runtime.ts';

/** The business unit every bench object lives in. */
export const BENCH_UNIT = 'engineering';

/** The engine actor of the in-process baseline: a recruiter of {@link BENCH_UNIT}, like the HTTP one. */
export const BENCH_ACTOR: EngineActor = {
  id: 'bench-recruiter',
  role: 'recruiter',
  via: 'api',
  businessUnits: [BENCH_UNIT],
};

/** The event every figure sends: UPDATE_CONTEXT is allowed in every state of every workflow. */
export const updateLevel = (n: number) => ({ type: 'UPDATE_CONTEXT', payload: { patch: { level: n % 8 } } });

/**
 * Publishes the requisition-approval template and starts `count` requisitions on it (in one
 * transaction: seeding is not what is measured). Returns the instance ids.
 */
export function seedRequisitions(engine: Engine, count: number): string[] {
  const spec = getTemplate('requisition-approval');
  if (!spec) throw new Error('the requisition-approval template is missing');
  createWorkflow(engine.db, {
    id: spec.id,
    name: spec.name,
    businessUnit: BENCH_UNIT,
    draftSpec: spec as unknown as JsonValue,
    now: 0,
  });
  const admin: EngineActor = { ...BENCH_ACTOR, id: 'bench-admin', role: 'admin', businessUnits: '*' };
  engine.publish({ workflowId: spec.id, actor: admin, changelog: 'bench' });
  const ids: string[] = [];
  engine.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const started = engine.start({
        workflowId: spec.id,
        businessUnit: BENCH_UNIT,
        subject: { kind: 'requisition', externalRef: `REQ-${i}` },
        context: { 'requisition.id': `REQ-${i}`, jobFamily: 'Engineering', department: 'Platform', level: 3 },
        actor: BENCH_ACTOR,
      });
      if (!started.ok) throw new Error(started.message);
      ids.push(started.instanceId);
    }
  });
  return ids;
}
