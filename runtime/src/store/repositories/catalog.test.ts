import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../openTempDatabase.ts';
import { eraseSubject, getSubject, putSubject } from './subjects.ts';
import { getLatestVersion, getVersion, getVersionByHash, insertVersion, listVersions } from './versions.ts';
import { createWorkflow, getWorkflow, listWorkflows, setRouting, updateDraft } from './workflows.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

describe('workflows', () => {
  it('creates a workflow at draft revision 0 and refuses a second one with the same id', () => {
    temp = openTempDatabase();
    const created = createWorkflow(temp.db, {
      id: 'w',
      name: 'Offer approval',
      businessUnit: 'eng',
      draftSpec: { a: 1 },
      now: 5,
    });
    expect(created).toMatchObject({
      id: 'w',
      draftRevision: 0,
      routing: { defaultVersion: null },
      createdAt: 5,
    });
    expect(() => createWorkflow(temp.db, { id: 'w', name: 'Again', draftSpec: {}, now: 6 })).toThrowError(
      expect.objectContaining({ code: 'STORE_CONFLICT' }),
    );
  });

  it('saves a draft only from the revision it was edited from', () => {
    temp = openTempDatabase();
    createWorkflow(temp.db, { id: 'w', name: 'Offer approval', draftSpec: { v: 0 }, now: 0 });
    expect(updateDraft(temp.db, 'w', 0, { draftSpec: { v: 1 }, name: 'Offers', now: 1 })).toBe(true);
    // A colleague who also loaded revision 0 must reload instead of overwriting.
    expect(updateDraft(temp.db, 'w', 0, { draftSpec: { v: 2 }, now: 2 })).toBe(false);
    expect(getWorkflow(temp.db, 'w')).toMatchObject({
      draftSpec: { v: 1 },
      name: 'Offers',
      draftRevision: 1,
      updatedAt: 1,
    });
  });

  it('sets routing and lists by business unit', () => {
    temp = openTempDatabase();
    createWorkflow(temp.db, { id: 'a', name: 'A', businessUnit: 'eng', draftSpec: {}, now: 0 });
    createWorkflow(temp.db, { id: 'b', name: 'B', businessUnit: 'sales', draftSpec: {}, now: 0 });
    const routing = { defaultVersion: 'a@1', pilot: { versionId: 'a@2', percentage: 10 } };
    expect(setRouting(temp.db, 'a', routing, 1)).toBe(true);
    expect(setRouting(temp.db, 'missing', routing, 1)).toBe(false);
    expect(getWorkflow(temp.db, 'a')?.routing).toEqual(routing);
    expect(listWorkflows(temp.db, { businessUnit: 'sales' }).map((w) => w.id)).toEqual(['b']);
    expect(listWorkflows(temp.db).map((w) => w.id)).toEqual(['a', 'b']);
  });
});

describe('versions', () => {
  const base = {
    workflowId: 'w',
    spec: {} as never,
    definition: { id: 'w' },
    publishedBy: 'u',
    publishedAt: 0,
  };

  it('stores immutable versions, unique per number and per content hash', () => {
    temp = openTempDatabase();
    createWorkflow(temp.db, { id: 'w', name: 'W', draftSpec: {}, now: 0 });
    const v1 = insertVersion(temp.db, { ...base, number: 1, hash: 'h1', changelog: 'first' });
    insertVersion(temp.db, { ...base, number: 2, hash: 'h2' });
    expect(v1.id).toBe('w@1');
    expect(getVersion(temp.db, 'w@1')).toEqual(v1);
    expect(getVersionByHash(temp.db, 'w', 'h2')?.number).toBe(2);
    expect(getLatestVersion(temp.db, 'w')?.id).toBe('w@2');
    expect(listVersions(temp.db, 'w').map((v) => [v.number, v.changelog])).toEqual([
      [1, 'first'],
      [2, ''],
    ]);
    for (const clash of [
      { number: 2, hash: 'h3' },
      { number: 3, hash: 'h1' },
    ]) {
      expect(() => insertVersion(temp.db, { ...base, ...clash })).toThrowError(
        expect.objectContaining({ code: 'STORE_CONFLICT' }),
      );
    }
  });
});

describe('subjects', () => {
  it('erases PII but keeps the pseudonymous id, and never writes PII back after erasure', () => {
    temp = openTempDatabase();
    expect(putSubject(temp.db, { id: 's1', kind: 'candidate', pii: { name: 'Ada' } })).toBe(true);
    expect(putSubject(temp.db, { id: 's1', kind: 'candidate', pii: { name: 'Ada L.' } })).toBe(true);
    expect(getSubject(temp.db, 's1')?.pii).toEqual({ name: 'Ada L.' });
    expect(eraseSubject(temp.db, 's1', 99)).toBe(true);
    expect(eraseSubject(temp.db, 's1', 100)).toBe(false);
    expect(putSubject(temp.db, { id: 's1', kind: 'candidate', pii: { name: 'Ada' } })).toBe(false);
    expect(getSubject(temp.db, 's1')).toEqual({ id: 's1', kind: 'candidate', pii: null, erasedAt: 99 });
  });
});
