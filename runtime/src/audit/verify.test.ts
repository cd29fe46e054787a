import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openTempDatabase, type TempDatabase } from '../store/index.ts';
import { hashAuditEntry, type StoredAuditFields } from './auditDigest.ts';
import { AUDIT_COLUMNS } from './readAuditEntries.ts';
import { seedAuditLog } from './testLog.ts';
import { verify } from './verify.ts';
import { writeCheckpoint } from './writeCheckpoint.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

/**
 * An attacker with write access to the file: a separate connection that drops the append-only
 * triggers first, then edits rows directly.
 */
function tamper(file: string, edit: (sqlite: Database.Database) => void): void {
  const attacker = openDatabase(file, { migrate: false });
  attacker.sqlite.exec(
    'drop trigger if exists audit_entries_no_update; drop trigger if exists audit_entries_no_delete;',
  );
  edit(attacker.sqlite);
  attacker.close();
}

function storedRow(
  sqlite: Database.Database,
  instanceId: string,
  idx: number,
): StoredAuditFields & { hash: string } {
  return sqlite
    .prepare(`select ${AUDIT_COLUMNS} from audit_entries where instance_id = ? and idx = ?`)
    .get(instanceId, idx) as StoredAuditFields & { hash: string };
}

/** A log of 3 instances × 4 entries, appended interleaved (seq 1..12; instance i2 holds seq 2, 5, 8, 11). */
function seededLog(options: { checkpoint?: boolean } = {}): TempDatabase {
  const created = openTempDatabase();
  seedAuditLog(created.db, 3, 4);
  if (options.checkpoint) writeCheckpoint(created.db, Date.UTC(2025, 2, 2));
  return created;
}

describe('verify', () => {
  it('passes an untouched log and counts every entry', () => {
    temp = seededLog({ checkpoint: true });
    expect(verify(temp.db)).toEqual({ ok: true, entriesChecked: 12, instancesChecked: 3, checkpointId: 1 });
  });

  it('catches an edited field and names the entry', () => {
    temp = seededLog();
    tamper(temp.file, (db) =>
      db.exec(`update audit_entries set actor = '{"id":"u-admin","role":"admin","via":"api"}' where seq = 5`),
    );
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i2', seq: 5, idx: 1, code: 'HASH_MISMATCH' }),
    );
  });

  it('catches a deleted entry at the entry after the gap', () => {
    temp = seededLog();
    tamper(temp.file, (db) => db.exec('delete from audit_entries where seq = 5'));
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i2', seq: 8, idx: 2, code: 'IDX_GAP' }),
    );
  });

  it('catches two entries swapped in the chain', () => {
    temp = seededLog();
    tamper(temp.file, (db) =>
      db.exec(`update audit_entries set idx = -1 where seq = 5; update audit_entries set idx = 1 where seq = 8;
        update audit_entries set idx = 2 where seq = 5;`),
    );
    // In append order the moved entry 2 (seq 5) arrives where entry 1 was expected.
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i2', seq: 5, idx: 2, code: 'IDX_GAP' }),
    );
  });

  it("catches a truncated tail once a checkpoint recorded the instance's head", () => {
    temp = seededLog({ checkpoint: true });
    tamper(temp.file, (db) => db.exec("delete from audit_entries where instance_id = 'i3' and idx >= 2"));
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i3', seq: null, idx: 3, code: 'CHECKPOINT_HEAD_MISSING' }),
    );
  });

  it("catches a whole instance's entries deleted, with or without a checkpoint", () => {
    temp = seededLog({ checkpoint: true });
    tamper(temp.file, (db) => db.exec("delete from audit_entries where instance_id = 'i1'"));
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i1', idx: 3, code: 'CHECKPOINT_HEAD_MISSING' }),
    );
    tamper(temp.file, (db) => db.exec('delete from checkpoints'));
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i1', code: 'INSTANCE_WITHOUT_LOG' }),
    );
  });

  it('catches a forged entry whose own hash was recomputed but whose link is broken', () => {
    temp = seededLog();
    tamper(temp.file, (db) => {
      const forged = { ...storedRow(db, 'i2', 1), event: '{"payload":{"step":1},"type":"REJECT"}' };
      db.prepare('update audit_entries set event = ?, hash = ? where seq = ?').run(
        forged.event,
        hashAuditEntry(forged),
        forged.seq,
      );
    });
    // Entry 1 is self-consistent now; the chain breaks where entry 2 still links to the original.
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i2', seq: 8, idx: 2, code: 'BROKEN_LINK' }),
    );
  });

  it('catches a rewritten chain (every hash recomputed) through the checkpoint', () => {
    temp = seededLog({ checkpoint: true });
    tamper(temp.file, (db) => {
      let prevHash = storedRow(db, 'i2', 0).hash;
      for (let idx = 1; idx <= 3; idx++) {
        const row = { ...storedRow(db, 'i2', idx), prevHash, note: idx === 1 ? 'rewritten' : null };
        row.hash = hashAuditEntry(row);
        db.prepare('update audit_entries set note = ?, prev_hash = ?, hash = ? where seq = ?').run(
          row.note,
          row.prevHash,
          row.hash,
          row.seq,
        );
        prevHash = row.hash;
      }
    });
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i2', seq: 11, idx: 3, code: 'CHECKPOINT_HEAD_CHANGED' }),
    );
  });

  it('catches an edited checkpoint', () => {
    temp = seededLog({ checkpoint: true });
    temp.db.sqlite.exec(`update checkpoints set heads = json_remove(heads, '$[0]')`);
    expect(verify(temp.db).firstBad).toEqual(expect.objectContaining({ code: 'CHECKPOINT_ROOT_MISMATCH' }));
  });

  it('refuses JSON fields that are not one JSON value each (bytes shifted between fields)', () => {
    temp = seededLog();
    tamper(temp.file, (db) => {
      const row = storedRow(db, 'i1', 0);
      const shifted = { ...row, actor: `${row.actor},"at":"x"` };
      db.prepare('update audit_entries set actor = ?, hash = ? where seq = ?').run(
        shifted.actor,
        hashAuditEntry(shifted),
        row.seq,
      );
    });
    expect(verify(temp.db).firstBad).toEqual(
      expect.objectContaining({ instanceId: 'i1', seq: 1, code: 'MALFORMED_ENTRY' }),
    );
  });
});
