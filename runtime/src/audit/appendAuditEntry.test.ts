import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../compiler/canonical.ts';
import { openTempDatabase, type TempDatabase } from '../store/index.ts';
import { auditDigestInput, hashAuditEntry } from './auditDigest.ts';
import { iterateAuditEntries, listAuditEntries, listAuditEntriesAfter } from './readAuditEntries.ts';
import { seedAuditLog } from './testLog.ts';
import { GENESIS_HASH } from './types.ts';

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

  it('hashes sha256(prevHash ‖ canonicalJson(entry without hash))', () => {
    temp = openTempDatabase();
    const [entry] = seedAuditLog(temp.db, 1, 1);
    if (entry === undefined) throw new Error('no entry');
    const { hash, ...withoutHash } = entry;
    const expected = createHash('sha256')
      .update(entry.prevHash + canonicalJson(withoutHash))
      .digest('hex');
    expect(hash).toBe(expected);
  });

  it('returns entries as stored: reading them back gives the same values', () => {
    temp = openTempDatabase();
    const appended = seedAuditLog(temp.db, 2, 3);
    expect(listAuditEntriesAfter(temp.db, 0)).toEqual(appended);
    expect([...iterateAuditEntries(temp.db, 4)].map((e) => e.seq)).toEqual([5, 6]);
    expect(listAuditEntries(temp.db, 'i1', 1).map((e) => e.idx)).toEqual([1, 2]);
  });
});

describe('auditDigestInput', () => {
  it('equals canonicalJson of the parsed entry, nulls included', () => {
    temp = openTempDatabase();
    for (const entry of seedAuditLog(temp.db, 1, 3)) {
      const { hash, ...withoutHash } = entry;
      const stored = {
        ...withoutHash,
        actor: canonicalJson(entry.actor),
        event: canonicalJson(entry.event),
        fromState: entry.from === null ? null : canonicalJson(entry.from),
        toState: entry.to === null ? null : canonicalJson(entry.to),
        contextPatch: entry.contextPatch === null ? null : canonicalJson(entry.contextPatch),
      };
      expect(auditDigestInput(stored)).toBe(canonicalJson(withoutHash));
      expect(hashAuditEntry(stored)).toBe(hash);
    }
  });
});
