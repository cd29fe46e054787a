import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness } from '../../test/engineHarness.ts';
import { fireDueTimers } from '../engine/index.ts';
import {
  countEffectsByStatus,
  discardEffect,
  enqueueEffect,
  listEffects,
  retryEffect,
} from '../store/index.ts';
import { parseOutboundAllow } from './outboundPolicy.ts';
import { createOutboxWorker } from './outboxWorker.ts';
import { routeTransports, type Transport } from './transports.ts';
import { createWebhookTransport, generateWebhookSecret } from './webhookTransport.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

/** Starts an instance and lets its first SLA rung fire: two notify effects and an assignOwner. */
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

/** A port on 127.0.0.1 with nothing listening (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('outbox worker results', () => {
  it('parks effects of a channel without transport as undeliverable, naming the channel', async () => {
    const id = escalate();
    const worker = createOutboxWorker({ db: h.db, clock: h.clock, transport: routeTransports({}) });
    expect(await worker.drain()).toBe(3);
    const effects = listEffects(h.db, { instanceId: id });
    expect(effects.map((e) => [e.status, e.lastError]).sort()).toEqual([
      ['undeliverable', 'no transport is configured for hireflow.assignOwner effects'],
      ['undeliverable', 'no transport is configured for hireflow.notify effects'],
      ['undeliverable', 'no transport is configured for hireflow.notify effects'],
    ]);
    expect(await worker.drain()).toBe(0);
    expect(countEffectsByStatus(h.db)).toMatchObject({ undeliverable: 3, delivered: 0, pending: 0 });
    expect(countEffectsByStatus(h.db, { type: 'hireflow.notify' })).toMatchObject({ undeliverable: 2 });
  });

  it('sends an unreachable webhook pending → retried → dead with the reason; an admin retries or discards', async () => {
    const id = escalate();
    const port = await closedPort();
    enqueueEffect(h.db, {
      instanceId: id,
      effectKey: `${id}:hook`,
      type: 'hireflow.webhook',
      payload: { url: `http://127.0.0.1:${port}/hooks`, event: 'stuck' },
      now: h.clock.now().getTime(),
    });
    const webhook = createWebhookTransport({
      secret: generateWebhookSecret(),
      allow: parseOutboundAllow('127.0.0.1'),
    });
    const worker = createOutboxWorker({
      db: h.db,
      clock: h.clock,
      transport: routeTransports({ 'hireflow.webhook': webhook }, async () => ({ ok: true })),
      policy: { maxAttempts: 3, baseMs: 1000 },
    });
    await worker.drain();
    const hook = () => listEffects(h.db, { type: 'hireflow.webhook' })[0];
    const reason = `webhook to 127.0.0.1:${port}: connection refused (ECONNREFUSED)`;
    expect(hook()).toMatchObject({ status: 'pending', attempts: 1, lastError: reason });
    h.clock.advance(60_000);
    await worker.drain();
    expect(hook()).toMatchObject({ status: 'pending', attempts: 2 });
    h.clock.advance(60_000);
    await worker.drain();
    expect(hook()).toMatchObject({ status: 'dead', attempts: 3, lastError: reason });
    expect(countEffectsByStatus(h.db)).toMatchObject({ dead: 1, delivered: 3 });

    const effectId = hook()?.id ?? '';
    expect(
      retryEffect(h.db, effectId, h.clock.now().getTime(), { by: 'u-admin', note: 'receiver back' }),
    ).toMatchObject({
      ok: true,
      from: 'dead',
      effect: { status: 'pending', attempts: 0, resolvedBy: 'u-admin', resolvedNote: 'receiver back' },
    });
    h.clock.advance(1);
    await worker.drain();
    h.clock.advance(60_000);
    await worker.drain();
    h.clock.advance(60_000);
    await worker.drain();
    expect(hook()).toMatchObject({ status: 'dead' });
    const now = h.clock.now().getTime();
    expect(discardEffect(h.db, effectId, now, { by: 'u-admin', note: 'endpoint retired' })).toMatchObject({
      ok: true,
      from: 'dead',
      effect: {
        status: 'discarded',
        resolvedBy: 'u-admin',
        resolvedNote: 'endpoint retired',
        resolvedAt: now,
      },
    });
    expect(hook()).toMatchObject({ lastError: reason });
    expect(discardEffect(h.db, effectId, now)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
      status: 'discarded',
    });
    expect(retryEffect(h.db, effectId, now)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
      status: 'discarded',
    });
    expect(retryEffect(h.db, 'nope', now)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('turns a throwing transport into a retried failure with a message, and delivers the others', async () => {
    escalate();
    const transport: Transport = async (effect) => {
      if (effect.type === 'hireflow.assignOwner') throw new Error('template missing');
      return { ok: true, detail: 'accepted' };
    };
    await createOutboxWorker({ db: h.db, clock: h.clock, transport }).drain();
    const effects = listEffects(h.db);
    expect(effects.filter((e) => e.status === 'delivered').map((e) => e.detail)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect(effects.find((e) => e.type === 'hireflow.assignOwner')).toMatchObject({
      status: 'pending',
      lastError: 'transport for hireflow.assignOwner threw: template missing',
    });
  });

  it('delivers each effect once when two workers drain the same database at the same time', async () => {
    for (let i = 0; i < 5; i++) escalate();
    const seen: string[] = [];
    const transport: Transport = async (effect) => {
      seen.push(effect.effectKey);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { ok: true };
    };
    const a = createOutboxWorker({ db: h.db, clock: h.clock, transport, concurrency: 4 });
    const b = createOutboxWorker({ db: h.db, clock: h.clock, transport, concurrency: 4 });
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect((na ?? 0) + (nb ?? 0)).toBe(seen.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(countEffectsByStatus(h.db)).toMatchObject({ delivered: seen.length, pending: 0 });
  });
});
