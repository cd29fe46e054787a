import { readFileSync } from 'node:fs';
import { createEngine, type EngineActor, ManualClock } from '../src/engine/index.ts';
import { createWorkflow, openTempDatabase } from '../src/store/index.ts';
import type { BenchResult } from './benchResult.ts';

const SPEC = JSON.parse(readFileSync(new URL('../samples/hiring.workflow.json', import.meta.url), 'utf8'));
const ACTOR: EngineActor = { id: 'bench', role: 'recruiter', via: 'api', businessUnits: '*' };

/** An engine over a temp database with the sample workflow, its `candidate.email` field personal or not. */
function setup(pii: boolean) {
  const spec = structuredClone(SPEC);
  spec.context['candidate.email'] = { type: 'string', pii };
  const temp = openTempDatabase();
  const engine = createEngine({ db: temp.db, clock: new ManualClock('2026-03-02T15:00:00Z') });
  createWorkflow(temp.db, {
    id: spec.id,
    name: spec.name,
    businessUnit: 'engineering',
    draftSpec: spec,
    now: 0,
  });
  engine.publish({ workflowId: spec.id, actor: { ...ACTOR, role: 'admin' }, changelog: 'bench' });
  const started = engine.start({
    workflowId: spec.id,
    businessUnit: 'engineering',
    subject: { kind: 'candidate', externalRef: 'bench-1' },
    context: { level: 5 },
    actor: ACTOR,
  });
  if (!started.ok) throw new Error(started.message);
  return { temp, engine, id: started.instanceId };
}

/** Events per second of `UPDATE_CONTEXT` on one instance for `ms` milliseconds. */
function rate(pii: boolean, ms: number): number {
  const { temp, engine, id } = setup(pii);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    n += 1;
    const result = engine.send(
      id,
      { type: 'UPDATE_CONTEXT', payload: { patch: { 'candidate.email': `person${n}@example.com` } } },
      { actor: ACTOR, ...(pii ? { note: `called person ${n} about the offer` } : {}) },
    );
    if (!result.ok) throw new Error(result.message);
  }
  const perSecond = (n * 1000) / (performance.now() - start);
  temp.dispose();
  return perSecond;
}

/**
 * What sealing personal data costs per event: an `UPDATE_CONTEXT` of a `pii` field with a note (key
 * lookup, AES-256-GCM of the value in the snapshot, the payload and the note) against the same event
 * on a field that is not personal and no note, measured in the same run.
 */
export function benchPrivacy(): BenchResult[] {
  rate(false, 300); // warm up both paths
  rate(true, 300);
  const plain = rate(false, 2000);
  const sealed = rate(true, 2000);
  return [
    {
      name: 'event with sealed pii field + note (vs same event unsealed)',
      value: sealed,
      unit: 'events/s',
      baseline: plain,
      ratio: sealed / plain,
      target: '≥ 0.9× (≤ 10 % overhead)',
      met: sealed / plain >= 0.9,
    },
  ];
}
