import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase.ts';
import { openTempDatabase, type TempDatabase } from '../openTempDatabase.ts';
import {
  getInstance,
  type InstanceUpdate,
  insertInstance,
  listInstances,
  updateInstanceSnapshot,
} from './instances.ts';
import { seedInstance } from './testFixtures.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

const step = (stateValue: InstanceUpdate['stateValue'], now: number): InstanceUpdate => ({
  snapshot: { value: stateValue },
  stateValue,
  status: 'active',
  owner: { role: 'recruiter' },
  enteredAt: now,
  now,
});

describe('instances', () => {
  it('stores a new instance at revision 0 and reads it back', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    expect(getInstance(temp.db, 'i1')).toEqual({
      id: 'i1',
      workflowId: 'w',
      versionId: 'w@1',
      subjectId: null,
      businessUnit: 'eng',
      environment: 'production',
      snapshot: { value: 'screening' },
      stateValue: 'screening',
      status: 'active',
      revision: 0,
      owner: null,
      enteredAt: 1000,
      startedAt: 1000,
      updatedAt: 1000,
    });
    expect(getInstance(temp.db, 'nope')).toBeUndefined();
  });

  it('writes a step only at the expected revision and bumps it', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    expect(updateInstanceSnapshot(temp.db, 'i1', 0, step('interview', 2000))).toBe(true);
    expect(updateInstanceSnapshot(temp.db, 'i1', 0, step('rejected', 3000))).toBe(false);
    expect(getInstance(temp.db, 'i1')).toMatchObject({
      stateValue: 'interview',
      revision: 1,
      enteredAt: 2000,
    });
  });

  it('lets exactly one of two connections that read the same revision win', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const other = openDatabase(temp.file);
    const readByA = getInstance(temp.db, 'i1')?.revision ?? -1;
    const readByB = getInstance(other, 'i1')?.revision ?? -1;
    const wins = [
      temp.db.transaction(() => updateInstanceSnapshot(temp.db, 'i1', readByA, step('offer', 2000))),
      other.transaction(() => updateInstanceSnapshot(other, 'i1', readByB, step('rejected', 2001))),
    ];
    other.close();
    expect(wins).toEqual([true, false]);
    expect(getInstance(temp.db, 'i1')?.stateValue).toBe('offer');
  });

  it('filters lists by workflow, business unit, state value (parallel states too), status and cursor', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const parallel = { checks: 'pending', offer: 'drafting' };
    insertInstance(temp.db, {
      id: 'i2',
      workflowId: 'w',
      versionId: 'w@1',
      businessUnit: 'sales',
      snapshot: {},
      stateValue: parallel,
      now: 0,
    });
    const ids = (filter: Parameters<typeof listInstances>[1]) =>
      listInstances(temp.db, filter).map((i) => i.id);
    expect(ids({ workflowId: 'w' })).toEqual(['i1', 'i2']);
    expect(ids({ businessUnits: ['sales', 'hr'] })).toEqual(['i2']);
    // Key order does not matter: state values are stored as canonical JSON.
    expect(ids({ stateValue: { offer: 'drafting', checks: 'pending' } })).toEqual(['i2']);
    expect(ids({ stateValue: 'screening', status: 'active' })).toEqual(['i1']);
    expect(ids({ status: 'done' })).toEqual([]);
    expect(ids({ afterId: 'i1', limit: 10 })).toEqual(['i2']);
  });
});
