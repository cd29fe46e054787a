import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { listAuditEntries, verify } from '../audit/index.ts';
import { countInstances, getSubject, listApprovalTasks, listEffects, listTimers } from '../store/index.ts';
import { eraseSubjectData } from './erasure.ts';
import { readInstance, readInstances } from './instanceView.ts';
import { fireDueTimers } from './scheduler.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const DAY = 86_400_000;
const startCandidate = (context: Record<string, unknown> = {}) => {
  const result = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit: 'engineering',
    subject: { kind: 'candidate', pii: { name: 'Ada Lovelace' } },
    context: {
      candidate: { source: 'inbound' },
      level: 5,
      compensation: { base: 100000, bandMax: 90000 },
      ...context,
    },
    actor: actors.recruiter,
  });
  if (!result.ok) throw new Error(result.message);
  return result.instanceId;
};

describe('engine.start', () => {
  it('runs the initial transition, arms the SLA ladder and audits the start', () => {
    const id = startCandidate();
    expect(
      listTimers(h.db, id)
        .map((t) => t.delayName)
        .sort(),
    ).toEqual(['timer:screen:escalate', 'timer:screen:reassign', 'timer:screen:remind']);
    const [entry] = listAuditEntries(h.db, id);
    expect(entry).toMatchObject({ kind: 'start', idx: 0, actor: { id: 'u-rec', role: 'recruiter' } });
    expect(JSON.stringify(entry)).not.toContain('Ada Lovelace');
  });

  it('takes the referral fast-track straight to interviews', () => {
    const id = startCandidate({ candidate: { source: 'referral' } });
    expect(h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter })).toMatchObject({
      ok: true,
      to: ['offer_approval:hiring_manager'],
    });
  });

  it('refuses a start context with an unknown field or a wrong type', () => {
    const bad = h.engine.start({
      workflowId: 'sample-hiring',
      businessUnit: 'engineering',
      subject: { kind: 'candidate' },
      context: { level: 'senior' },
      actor: actors.recruiter,
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_EVENT' });
  });
});

describe('engine.send refusals', () => {
  it.each([
    ['EVENT_NOT_ALLOWED', { type: 'ACCEPT' }, actors.recruiter, undefined],
    ['NOTE_REQUIRED', { type: 'REJECT' }, actors.recruiter, undefined],
    ['FORBIDDEN', { type: 'REJECT' }, { ...actors.recruiter, role: 'hrbp' }, 'not a fit'],
    ['NOT_FOUND', { type: 'ADVANCE' }, actors.outsider, undefined],
    [
      'INVALID_EVENT',
      { type: 'UPDATE_CONTEXT', payload: { patch: { level: 'x' } } },
      actors.recruiter,
      undefined,
    ],
  ] as const)('answers %s, changes nothing and audits the attempt', (code, event, actor, note) => {
    const id = startCandidate();
    const before = listAuditEntries(h.db, id).length;
    const result = h.engine.send(id, event, { actor, note });
    expect(result).toMatchObject({ ok: false, code });
    const entries = listAuditEntries(h.db, id);
    if (code === 'NOT_FOUND') expect(entries).toHaveLength(before);
    else expect(entries.at(-1)).toMatchObject({ kind: 'refused', event: { refusal: code } });
    expect(h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter })).toMatchObject({
      ok: true,
      from: ['screen'],
      to: ['interviews'],
    });
  });

  it('answers GUARD_FALSE when the condition is not met and GUARD_ERROR when it cannot be evaluated', () => {
    h.close();
    const spec = structuredClone(SAMPLE_SPEC);
    spec.states[1].on.push(
      { id: 'senior-fast', event: 'FAST_OFFER', target: 'offer_approval', guard: 'level >= 7' },
      { id: 'sent-check', event: 'CHECK_SENT', target: 'offer', guard: 'offer.sentAt < now' },
    );
    h = createHarness(spec);
    const id = startCandidate();
    expect(h.engine.send(id, { type: 'FAST_OFFER' }, { actor: actors.recruiter })).toMatchObject({
      ok: false,
      code: 'GUARD_FALSE',
    });
    const error = h.engine.send(id, { type: 'CHECK_SENT' }, { actor: actors.recruiter });
    expect(error).toMatchObject({ ok: false, code: 'GUARD_ERROR' });
    expect(listAuditEntries(h.db, id).at(-1)).toMatchObject({
      kind: 'refused',
      event: { refusal: 'GUARD_ERROR' },
    });
  });
});

describe('idempotency', () => {
  it('returns the stored result for the same key and payload, refuses a different payload', () => {
    const id = startCandidate();
    const first = h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter, idempotencyKey: 'k1' });
    const again = h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter, idempotencyKey: 'k1' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(
      h.engine.send(id, { type: 'WITHDRAW' }, { actor: actors.recruiter, idempotencyKey: 'k1' }),
    ).toMatchObject({ ok: false, code: 'IDEMPOTENCY_MISMATCH' });
    expect(listAuditEntries(h.db, id)).toHaveLength(2);
  });
});

describe('durable timers', () => {
  it('fires the SLA ladder in business time through the same send', () => {
    const id = startCandidate();
    h.clock.advance(2 * DAY);
    expect(fireDueTimers(h.engine)).toBe(0);
    h.clock.set('2026-03-05T15:00:00Z');
    expect(fireDueTimers(h.engine)).toBe(1);
    const effects = listEffects(h.db, { instanceId: id });
    expect(effects.map((e) => e.type)).toEqual(['hireflow.notify']);
    const last = listAuditEntries(h.db, id).at(-1);
    expect(last).toMatchObject({ kind: 'timer', actor: { id: 'system:timer' } });
  });

  it('counts an instance as overdue once an SLA rung fired in its current state', () => {
    const id = startCandidate();
    startCandidate();
    expect(countInstances(h.db, 'sample-hiring', h.clock.now().getTime())).toEqual({
      running: 2,
      overdue: 0,
    });
    h.clock.set('2026-03-05T15:00:00Z');
    fireDueTimers(h.engine);
    expect(countInstances(h.db, 'sample-hiring', h.clock.now().getTime())).toEqual({
      running: 2,
      overdue: 2,
    });
    h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter });
    expect(countInstances(h.db, 'sample-hiring', h.clock.now().getTime())).toEqual({
      running: 2,
      overdue: 1,
    });
    expect(readInstance(h.db, id, actors.recruiter, h.clock.now().getTime())?.overdue).toBe(false);
  });

  it('cancels the ladder when the candidate moves on', () => {
    const id = startCandidate();
    h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter });
    expect(listTimers(h.db, id).filter((t) => t.status === 'armed')).toHaveLength(0);
    h.clock.advance(30 * DAY);
    expect(fireDueTimers(h.engine)).toBe(0);
  });
});

describe('approval chains', () => {
  it('opens tasks, skips finance under band, reopens only finance when pay changes', () => {
    const id = startCandidate({ compensation: { base: 80000, bandMax: 90000 } });
    h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter });
    h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter });
    expect(listApprovalTasks(h.db, { instanceId: id, status: 'open' }).map((t) => t.approver)).toEqual([
      { role: 'hiring_manager' },
    ]);
    expect(
      h.engine.send(
        id,
        { type: 'APPROVAL.DECIDE', payload: { decision: 'approve' } },
        { actor: actors.recruiter },
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const approved = h.engine.send(
      id,
      { type: 'APPROVAL.DECIDE', payload: { decision: 'approve', comment: 'great hire' } },
      { actor: actors.manager },
    );
    expect(approved).toMatchObject({ ok: true, to: ['offer'] });
    expect(listApprovalTasks(h.db, { instanceId: id, status: 'open' })).toHaveLength(0);
    const raised = h.engine.send(
      id,
      { type: 'UPDATE_CONTEXT', payload: { patch: { 'compensation.base': 120000 } } },
      { actor: actors.recruiter },
    );
    expect(raised).toMatchObject({ ok: true, to: ['offer_approval:finance'] });
    expect(listApprovalTasks(h.db, { instanceId: id, status: 'open' }).map((t) => t.approver)).toEqual([
      { role: 'finance' },
    ]);
    expect(
      h.engine.send(
        id,
        { type: 'APPROVAL.DECIDE', payload: { decision: 'approve' } },
        { actor: actors.finance },
      ),
    ).toMatchObject({ ok: true, to: ['offer'] });
    expect(verify(h.db)).toMatchObject({ ok: true });
  });
});

describe('erasure', () => {
  it('clears the subject PII, audits the erasure on each instance and keeps every chain valid', () => {
    const id = startCandidate();
    const row = h.db.sqlite.prepare('select subject_id from instances where id = ?').get(id) as {
      subject_id: string;
    };
    const result = eraseSubjectData(h.db, h.clock, row.subject_id, actors.admin);
    expect(result).toEqual({ erased: true, instances: 1 });
    expect(getSubject(h.db, row.subject_id)?.pii).toBeNull();
    expect(listAuditEntries(h.db, id).at(-1)).toMatchObject({ kind: 'erasure' });
    expect(verify(h.db).ok).toBe(true);
  });
});

describe('confidential workflows', () => {
  it('hide their instances from people without confidential access, as if they did not exist', () => {
    h.close();
    h = createHarness({ ...structuredClone(SAMPLE_SPEC), confidential: true });
    const started = h.engine.start({
      workflowId: 'sample-hiring',
      businessUnit: 'engineering',
      subject: { kind: 'candidate' },
      context: {},
      actor: actors.admin,
    });
    if (!started.ok) throw new Error(started.message);
    expect(
      h.engine.start({
        workflowId: 'sample-hiring',
        businessUnit: 'engineering',
        subject: { kind: 'candidate' },
        context: {},
        actor: actors.recruiter,
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(h.engine.send(started.instanceId, { type: 'ADVANCE' }, { actor: actors.recruiter })).toMatchObject(
      { ok: false, code: 'NOT_FOUND' },
    );
    expect(readInstance(h.db, started.instanceId, actors.recruiter, 0)).toBeUndefined();
    expect(readInstances(h.db, actors.recruiter, {}, 0)).toHaveLength(0);
    const cleared = { ...actors.recruiter, confidentialAccess: true };
    expect(readInstance(h.db, started.instanceId, cleared, 0)?.activeStates).toEqual(['screen']);
    expect(h.engine.send(started.instanceId, { type: 'ADVANCE' }, { actor: cleared })).toMatchObject({
      ok: true,
    });
  });
});
