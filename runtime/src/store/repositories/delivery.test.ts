import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../openTempDatabase.ts';
import { getIdempotencyRecord, pruneIdempotencyRecords, putIdempotencyRecord } from './idempotency.ts';
import {
  claimDueEffects,
  enqueueEffect,
  markEffectDead,
  markEffectDelivered,
  markEffectFailed,
} from './outbox.ts';
import { retryEffect } from './outboxAdmin.ts';
import { outboxBackoffMs } from './outboxBackoff.ts';
import { listEffects } from './outboxListing.ts';
import { seedInstance } from './testFixtures.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

describe('idempotency records', () => {
  it('stores the first result for a key and keeps it', () => {
    temp = openTempDatabase();
    const record = { scope: 'instance:i1', key: 'k1', requestHash: 'h1', response: { ok: true }, now: 10 };
    expect(putIdempotencyRecord(temp.db, record)).toBe(true);
    expect(putIdempotencyRecord(temp.db, { ...record, requestHash: 'h2', response: { ok: false } })).toBe(
      false,
    );
    expect(getIdempotencyRecord(temp.db, 'instance:i1', 'k1')).toEqual({
      scope: 'instance:i1',
      key: 'k1',
      requestHash: 'h1',
      response: { ok: true },
      createdAt: 10,
    });
    expect(getIdempotencyRecord(temp.db, 'instance:i2', 'k1')).toBeUndefined();
    expect(pruneIdempotencyRecords(temp.db, 11)).toBe(1);
  });
});

describe('outbox', () => {
  const effect = (effectKey: string, now = 1000) => ({
    instanceId: 'i1',
    effectKey,
    type: 'hireflow.notify',
    payload: { to: [{ role: 'recruiter' }], message: 'Offer approved' },
    now,
  });

  it('enqueues an effect once per effect key', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    expect(enqueueEffect(temp.db, effect('i1:3:0'))).toBe(true);
    expect(enqueueEffect(temp.db, effect('i1:3:0'))).toBe(false);
    expect(listEffects(temp.db)).toHaveLength(1);
  });

  it('claims due effects with a lease, so a second claim does not take them until the lease expires', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    enqueueEffect(temp.db, effect('a', 1000));
    enqueueEffect(temp.db, effect('b', 2000));
    enqueueEffect(temp.db, effect('later', 9000));
    const claimed = claimDueEffects(temp.db, 5000, 10, 30_000);
    expect(claimed.map((e) => [e.effectKey, e.attempts])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(claimDueEffects(temp.db, 6000, 10)).toEqual([]);
    // The worker died without reporting: after the lease the effects are due again (at least once).
    expect(claimDueEffects(temp.db, 35_000, 10).map((e) => [e.effectKey, e.attempts])).toEqual([
      ['a', 2],
      ['b', 2],
      ['later', 1],
    ]);
  });

  it('marks delivered effects and never delivers them again', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    enqueueEffect(temp.db, effect('a'));
    const [claimed] = claimDueEffects(temp.db, 1000, 10);
    expect(markEffectDelivered(temp.db, claimed?.id ?? '', 1100)).toBe(true);
    expect(markEffectDelivered(temp.db, claimed?.id ?? '', 1200)).toBe(false);
    expect(claimDueEffects(temp.db, 1_000_000, 10)).toEqual([]);
    expect(listEffects(temp.db, { status: 'delivered' })).toMatchObject([{ deliveredAt: 1100 }]);
  });

  it('backs off after failures, goes dead after the last attempt, and can be retried by an admin', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    enqueueEffect(temp.db, effect('a'));
    const policy = { baseMs: 100, maxMs: 10_000, maxAttempts: 2 };
    const [first] = claimDueEffects(temp.db, 1000, 10);
    const id = first?.id ?? '';
    expect(markEffectFailed(temp.db, id, { error: 'HTTP 503', now: 1000, policy, random: () => 1 })).toBe(
      'pending',
    );
    expect(listEffects(temp.db)).toMatchObject([{ nextAttemptAt: 1100, lastError: 'HTTP 503' }]);
    claimDueEffects(temp.db, 1100, 10);
    expect(markEffectFailed(temp.db, id, { error: 'HTTP 503', now: 1100, policy })).toBe('dead');
    expect(claimDueEffects(temp.db, 1_000_000, 10)).toEqual([]);
    expect(retryEffect(temp.db, id, 2000)).toMatchObject({ ok: true, from: 'dead' });
    expect(listEffects(temp.db)).toMatchObject([{ status: 'pending', attempts: 0, nextAttemptAt: 2000 }]);
    expect(markEffectDead(temp.db, id, 'HTTP 410')).toBe(true);
    expect(listEffects(temp.db, { status: 'dead' })).toMatchObject([{ lastError: 'HTTP 410' }]);
  });
});

describe('outboxBackoffMs', () => {
  it('doubles per attempt up to the cap, with half of each delay random', () => {
    const policy = { baseMs: 1000, maxMs: 5000, maxAttempts: 10 };
    expect([1, 2, 3, 4, 5].map((n) => outboxBackoffMs(n, policy, () => 0))).toEqual([
      500, 1000, 2000, 2500, 2500,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => outboxBackoffMs(n, policy, () => 1))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(outboxBackoffMs(10, policy)).toBeUndefined();
  });
});
