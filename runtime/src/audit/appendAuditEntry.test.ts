import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../compiler/canonical.ts';
import { openTempDatabase, type TempDatabase } from '../store/index.ts';
import { appendAuditEntry } from './appendAuditEntry.ts';
import { iterateAuditEntries, listAuditEntries, listAuditEntriesAfter } from './readAuditEntries.ts';
import { seedAuditLog } from './testLog.ts';
import { GENESIS_HASH } from './types.ts';
import { verify } from './verify.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

describe('appendAuditEntry', () => {
  it('chains each instance from the genesis hash, idx 0, 1, 2... and numbers entries globally by seq', () => {
    temp = openTempDatabase();
    seedAuditLog(temp.db, 2, 3);
    const chain = listAuditEntries(temp.db, 'i2');
    expect(chain.map((e) => [e.idx, e.seq])).toEqual([
      [0, 2],
      [1, 4],
      [2, 6],
    ]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
  });

  it('hashes sha256(0x00 ‖ canonical JSON of {at, body, definitionHash, idx, ...}) as docs/audit-format.md says', () => {
    temp = openTempDatabase();
    const [entry] = seedAuditLog(temp.db, 1, 1);
    if (entry === undefined) throw new Error('no entry');
    const {
      hash,
      seq,
      instanceId,
      idx,
      workflowId,
      versionId,
      at,
      definitionHash,
      snapshotHash,
      prevHash,
      ...body
    } = entry;
    const text = canonicalJson({
      seq,
      instanceId,
      idx,
      workflowId,
      versionId,
      at,
      definitionHash,
      snapshotHash,
      prevHash,
      body,
    });
    const expected = createHash('sha256')
      .update(Buffer.from([0]))
      .update(text, 'utf8')
      .digest('hex');
    expect(hash).toBe(expected);
  });

  it('commits to the stored definition and the stored snapshot', () => {
    temp = openTempDatabase();
    const [entry] = seedAuditLog(temp.db, 1, 1);
    const stored = temp.db.sqlite
      .prepare(
        'select v.definition as d, i.snapshot as s from versions v, instances i where i.id = ? and v.id = i.version_id',
      )
      .get('i1') as { d: string; s: string };
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(entry?.definitionHash).toBe(sha(stored.d));
    expect(entry?.snapshotHash).toBe(sha(stored.s));
  });

  it('returns entries as stored: reading them back gives the same values', () => {
    temp = openTempDatabase();
    const appended = seedAuditLog(temp.db, 2, 3);
    expect(listAuditEntriesAfter(temp.db, 0)).toEqual(appended);
    expect([...iterateAuditEntries(temp.db, 4)].map((e) => e.seq)).toEqual([5, 6]);
    expect(listAuditEntries(temp.db, 'i1', 1).map((e) => e.idx)).toEqual([1, 2]);
  });

  it('stores lone surrogates, NUL and non-characters in notes and payloads so that the log still verifies', () => {
    temp = openTempDatabase();
    seedAuditLog(temp.db, 1, 1);
    const texts = ['\ud800', 'a\udfffb', '\u0000', '\ufffe\uffff\ufdd0', '\ud83d\ude00'];
    temp.db.transaction(() => {
      for (const text of texts)
        appendAuditEntry(temp.db, {
          instanceId: 'i1',
          workflowId: 'w',
          versionId: 'w@1',
          at: new Date(0).toISOString(),
          actor: { id: text, role: 'recruiter', via: 'api' },
          kind: 'transition',
          event: { type: 'NOTE', payload: { [text]: text } },
          note: text,
        });
    });
    expect(verify(temp.db)).toMatchObject({ ok: true, entriesChecked: 6 });
    expect(listAuditEntries(temp.db, 'i1', 1).map((e) => e.note)).toEqual(texts);
  });

  it('refuses ids that are not well-formed text', () => {
    temp = openTempDatabase();
    seedAuditLog(temp.db, 1, 1);
    expect(() =>
      appendAuditEntry(temp.db, {
        instanceId: 'i1',
        workflowId: 'w\ud800',
        versionId: 'w@1',
        at: '',
        actor: { id: 'u', role: 'r', via: 'api' },
        kind: 'transition',
        event: { type: 'X' },
      }),
    ).toThrow(TypeError);
  });
});
