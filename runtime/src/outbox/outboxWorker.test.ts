import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness } from '../../test/engineHarness.ts';
import { fireDueTimers } from '../engine/index.ts';
import { listEffects, retryEffect } from '../store/index.ts';
import { createOutboxWorker } from './outboxWorker.ts';
import { createRecordingTransport, type Transport } from './transports.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

function escalate(): string {
  const started = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit: 'engineering',
    subject: { kind: 'candidate' },
    context: { candidate: { source: 'inbound' } },
    actor: actors.recruiter,
  });
  if (!started.ok) throw new Error(started.message);
  h.clock.set('2026-03-12T15:00:00Z');
  fireDueTimers(h.engine);
  return started.instanceId;
}

describe('outbox worker', () => {
  it('delivers committed effects once each, with their stable effect keys', async () => {
    const id = escalate();
    const { transport, sent } = createRecordingTransport();
    const worker = createOutboxWorker({ db: h.db, clock: h.clock, transport });
    expect(await worker.drain()).toBe(3);
    expect(await worker.drain()).toBe(0);
    expect(sent.map((s) => s.type).sort()).toEqual([
      'hireflow.assignOwner',
      'hireflow.notify',
      'hireflow.notify',
    ]);
    expect(new Set(sent.map((s) => s.effectKey)).size).toBe(sent.length);
    expect(listEffects(h.db, { instanceId: id }).every((e) => e.status === 'delivered')).toBe(true);
  });

  it('retries with backoff, parks dead effects, and an admin can retry them', async () => {
    escalate();
    let calls = 0;
    const failing: Transport = async () => {
      calls += 1;
      return { ok: false, error: 'smtp down' };
    };
    const worker = createOutboxWorker({
      db: h.db,
      clock: h.clock,
      transport: failing,
      policy: { maxAttempts: 2, baseMs: 1000 },
    });
    await worker.drain();
    expect(listEffects(h.db, { status: 'pending' })).toHaveLength(3);
    expect(await worker.drain()).toBe(0);
    h.clock.advance(60_000);
    await worker.drain();
    const dead = listEffects(h.db, { status: 'dead' });
    expect(dead).toHaveLength(3);
    expect(calls).toBe(6);
    const first = dead[0];
    if (!first) throw new Error('no dead effect');
    expect(retryEffect(h.db, first.id, h.clock.now().getTime())).toMatchObject({ ok: true });
    const { transport, sent } = createRecordingTransport();
    await createOutboxWorker({ db: h.db, clock: h.clock, transport }).drain();
    expect(sent.map((s) => s.effectKey)).toEqual([first.effectKey]);
  });
});
