import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../openTempDatabase.ts';
import { insertInstance } from './instances.ts';
import { claimDueEffects, enqueueEffect, markEffectUndeliverable } from './outbox.ts';
import { countEffectsByStatus, effectCursor, listEffects } from './outboxListing.ts';
import { seedInstance } from './testFixtures.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

function seed() {
  temp = openTempDatabase();
  const version = seedInstance(temp.db, 'i1');
  insertInstance(temp.db, {
    id: 'i2',
    workflowId: 'w',
    versionId: version.id,
    businessUnit: 'sales',
    snapshot: { value: 'screening' },
    stateValue: 'screening',
    now: 1000,
  });
  for (let n = 0; n < 5; n++)
    enqueueEffect(temp.db, {
      instanceId: n % 2 ? 'i2' : 'i1',
      effectKey: `k${n}`,
      type: n < 3 ? 'hireflow.notify' : 'hireflow.webhook',
      payload: {},
      now: 1000 + n,
    });
}

describe('listing effects', () => {
  it('filters by status, instance, type and business unit', () => {
    seed();
    const [first] = claimDueEffects(temp.db, 5000, 1);
    markEffectUndeliverable(temp.db, first?.id ?? '', 'no mail server');
    const keys = (rows: { effectKey: string }[]) => rows.map((r) => r.effectKey);
    expect(keys(listEffects(temp.db, { status: 'undeliverable' }))).toEqual(['k0']);
    expect(
      keys(listEffects(temp.db, { status: ['pending', 'undeliverable'], type: 'hireflow.notify' })),
    ).toEqual(['k0', 'k1', 'k2']);
    expect(keys(listEffects(temp.db, { instanceId: 'i2' }))).toEqual(['k1', 'k3']);
    expect(keys(listEffects(temp.db, { businessUnits: ['sales'] }))).toEqual(['k1', 'k3']);
    expect(keys(listEffects(temp.db, { businessUnits: [] }))).toEqual([]);
    expect(countEffectsByStatus(temp.db, { businessUnits: ['eng'] })).toEqual({
      pending: 2,
      delivered: 0,
      dead: 0,
      undeliverable: 1,
      discarded: 0,
      captured: 0,
    });
  });

  it('pages with a cursor, oldest or newest first, without gaps or repeats', () => {
    seed();
    const page1 = listEffects(temp.db, { limit: 2 });
    const page2 = listEffects(temp.db, { limit: 2, after: effectCursor(page1[1] as never) });
    const page3 = listEffects(temp.db, { limit: 2, after: effectCursor(page2[1] as never) });
    expect([...page1, ...page2, ...page3].map((r) => r.effectKey)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    const newest = listEffects(temp.db, { limit: 3, order: 'desc' });
    expect(newest.map((r) => r.effectKey)).toEqual(['k4', 'k3', 'k2']);
    const older = listEffects(temp.db, { order: 'desc', after: effectCursor(newest[2] as never) });
    expect(older.map((r) => r.effectKey)).toEqual(['k1', 'k0']);
    expect(() => listEffects(temp.db, { after: 'garbage' })).toThrow(/cursor/);
  });

  it('never claims captured (sandbox) effects', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    enqueueEffect(temp.db, {
      instanceId: 'i1',
      effectKey: 'c',
      type: 't',
      payload: {},
      now: 0,
      status: 'captured',
    });
    expect(claimDueEffects(temp.db, 1_000_000, 10)).toEqual([]);
    expect(listEffects(temp.db)).toMatchObject([{ status: 'captured', attempts: 0 }]);
  });
});
