import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { updateDraft } from '../store/index.ts';
import { replay, whatIf } from './replay.ts';
import { fireDueTimers } from './scheduler.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

function runHistory(): string {
  const started = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit: 'engineering',
    subject: { kind: 'candidate' },
    context: { candidate: { source: 'inbound' }, level: 5, compensation: { base: 100000, bandMax: 90000 } },
    actor: actors.recruiter,
  });
  if (!started.ok) throw new Error(started.message);
  const id = started.instanceId;
  h.clock.set('2026-03-05T16:00:00Z');
  fireDueTimers(h.engine);
  h.engine.send(id, { type: 'REJECT' }, { actor: actors.recruiter });
  h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter });
  h.clock.set('2026-03-06T10:00:00Z');
  h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter });
  h.clock.set('2026-03-06T14:00:00Z');
  h.engine.send(id, { type: 'APPROVAL.DECIDE', payload: { decision: 'approve' } }, { actor: actors.manager });
  h.clock.set('2026-03-09T10:00:00Z');
  h.engine.send(id, { type: 'APPROVAL.DECIDE', payload: { decision: 'approve' } }, { actor: actors.finance });
  h.engine.send(
    id,
    { type: 'UPDATE_CONTEXT', payload: { patch: { 'compensation.base': 110000 } } },
    { actor: actors.recruiter },
  );
  return id;
}

describe('replay', () => {
  it('reports a stored snapshot that differs from its history (edited behind the engine)', () => {
    const id = runHistory();
    expect(replay(h.db, id)?.ok).toBe(true);
    h.db.sqlite
      .prepare(`update instances set snapshot = json_set(snapshot, '$.context.level', 9) where id = ?`)
      .run(id);
    expect(replay(h.db, id)).toMatchObject({ ok: false, firstMismatch: { field: 'snapshot' } });
  });

  it('re-runs the whole recorded history through the pinned version and matches every step', () => {
    const id = runHistory();
    const result = replay(h.db, id);
    expect(result).toMatchObject({ ok: true, steps: 7 });
    expect(result?.stateAt?.value).toEqual({ offer_approval: 'finance' });
  });

  it('reports the state as of a point in time', () => {
    const id = runHistory();
    expect(replay(h.db, id, { until: '2026-03-06T12:00:00Z' })?.stateAt?.value).toEqual({
      offer_approval: 'hiring_manager',
    });
  });

  it('names the first entry whose recorded state differs from what the version does', () => {
    const id = runHistory();
    h.db.sqlite.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    h.db.sqlite
      .prepare(
        `UPDATE audit_log SET body = json_set(body, '$.to', 'screen') WHERE instance_id = ? AND idx = 3`,
      )
      .run(id);
    expect(replay(h.db, id)?.firstMismatch).toMatchObject({
      idx: 3,
      field: 'to',
      expected: 'screen',
      actual: 'interviews',
    });
  });
});

describe('whatIf', () => {
  it('runs the same history through another version and returns its path', () => {
    const id = runHistory();
    const spec = structuredClone(SAMPLE_SPEC);
    spec.states[3].approval.steps = spec.states[3].approval.steps.slice(0, 1);
    updateDraft(h.db, 'sample-hiring', 0, { draftSpec: spec, now: h.clock.now().getTime() });
    const v2 = h.engine.publish({
      workflowId: 'sample-hiring',
      actor: actors.admin,
      changelog: 'no finance step',
    });
    if (v2.kind === 'invalid') throw new Error('v2 invalid');
    const result = whatIf(h.db, id, v2.version.id);
    expect(result?.finalState).toBe('offer');
    expect(result?.path.find((s) => s.event === 'APPROVAL.DECIDE' && s.refused)).toBeDefined();
  });
});
