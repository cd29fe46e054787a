import { generateKeyPairSync, sign } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchoredTestLog, tamper } from './anchoredTestLog.ts';
import { entryHash, entryText } from './entryText.ts';
import { treeHeadMessage } from './treeHead.ts';
import { GENESIS_HASH } from './types.ts';

/*
 * Threat model: the attacker can read and write the database file (drop triggers, edit, delete,
 * insert, recompute every hash with the published algorithm), but holds neither the Ed25519 signing
 * key nor write access to the witness directory. Claim: every mutation of an entry covered by a
 * signed head, of an instance's snapshot or of a version's definition makes verify fail; entries
 * after the newest head are reported as the unanchored tail.
 */

let log: ReturnType<typeof anchoredTestLog>;
beforeAll(() => {
  log = anchoredTestLog(4, 5); // seq 1..20, instance i2 holds seq 2, 6, 10, 14, 18
});
afterAll(() => log.dispose());

type Row = {
  seq: number;
  instance_id: string;
  idx: number;
  workflow_id: string;
  version_id: string;
  at: string;
  body: string;
  definition_hash: string | null;
  snapshot_hash: string | null;
  prev_hash: string;
  hash: string;
};

const rowsOf = (db: Database.Database, instanceId: string): Row[] =>
  db.prepare('select * from audit_log where instance_id = ? order by idx').all(instanceId) as Row[];

const hashOf = (r: Row) =>
  entryHash(
    entryText({
      seq: r.seq,
      instanceId: r.instance_id,
      idx: r.idx,
      workflowId: r.workflow_id,
      versionId: r.version_id,
      at: r.at,
      body: r.body,
      definitionHash: r.definition_hash,
      snapshotHash: r.snapshot_hash,
      prevHash: r.prev_hash,
    }),
  );

/** What a capable forger does after an edit: renumber and re-link the instance's chain, recomputing every hash. */
function rechain(db: Database.Database, instanceId: string): void {
  let prev = GENESIS_HASH;
  rowsOf(db, instanceId).forEach((row, idx) => {
    const fixed = { ...row, idx, prev_hash: prev };
    fixed.hash = hashOf(fixed);
    db.prepare('update audit_log set idx = ?, prev_hash = ?, hash = ? where seq = ?').run(
      idx,
      prev,
      fixed.hash,
      row.seq,
    );
    prev = fixed.hash;
  });
}

/** The forger also rewrites the database's copy of the heads (with a key of their own). */
function rewriteDbHeads(db: Database.Database): void {
  const rogue = generateKeyPairSync('ed25519').privateKey;
  const hashes = db.prepare('select hash from audit_log order by seq').pluck().all() as string[];
  const heads = db.prepare('select * from tree_heads').all() as {
    id: number;
    key_id: string;
    tree_size: number;
    heads_size: number;
    heads_root: string;
    timestamp: number;
  }[];
  for (const head of heads) {
    const rootHash = hashes.slice(0, head.tree_size).join('').slice(0, 64) || 'x';
    const body = {
      version: 'hireflow-sth/1' as const,
      treeSize: head.tree_size,
      rootHash,
      headsSize: head.heads_size,
      headsRoot: head.heads_root,
      timestamp: head.timestamp,
      keyId: head.key_id,
    };
    const signature = sign(null, Buffer.from(treeHeadMessage(body)), rogue).toString('base64');
    db.prepare('update tree_heads set root_hash = ?, signature = ? where id = ?').run(
      rootHash,
      signature,
      head.id,
    );
  }
}

describe('verify against a signed head (tamper battery over a real database file)', () => {
  it('passes the untouched log: everything anchored, no tail', () => {
    expect(log.verifyFile(log.copy())).toMatchObject({
      ok: true,
      entriesChecked: 20,
      instancesChecked: 4,
      anchored: { treeSize: 20, source: 'witness', keyTrusted: true },
      tail: { count: 0 },
      failures: [],
    });
  });

  it('reports entries after the newest head as the unanchored tail, with their time span', () => {
    const file = log.copy();
    tamper(file, (sqlite) => {
      const last = sqlite
        .prepare('select * from audit_log where instance_id = ? order by idx desc limit 1')
        .get('i1') as Row;
      const next = {
        ...last,
        seq: 21,
        idx: last.idx + 1,
        prev_hash: last.hash,
        at: '2025-03-03T00:00:00.000Z',
      };
      next.hash = hashOf(next);
      sqlite
        .prepare(
          'insert into audit_log values (@seq, @instance_id, @idx, @workflow_id, @version_id, @at, @body, @definition_hash, @snapshot_hash, @prev_hash, @hash)',
        )
        .run(next);
    });
    expect(log.verifyFile(file)).toMatchObject({
      ok: true,
      tail: { count: 1, from: '2025-03-03T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' },
    });
  });

  it('names the first bad entry of each instance, not only the first overall', () => {
    const file = log.copy();
    tamper(file, (sqlite) => {
      sqlite
        .prepare(`update audit_log set body = replace(body, 'ADVANCE', 'REJECT') where seq in (6, 10, 7)`)
        .run();
    });
    const result = log.verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.failures.filter((f) => f.code === 'HASH_MISMATCH')).toEqual([
      expect.objectContaining({ instanceId: 'i2', seq: 6, idx: 1 }),
      expect.objectContaining({ instanceId: 'i3', seq: 7, idx: 1 }),
    ]);
  });

  it('catches a recomputed chain plus rewritten database heads through the witness and the signature', () => {
    const file = log.copy();
    tamper(file, (sqlite) => {
      sqlite.prepare(`update audit_log set body = replace(body, 'ADVANCE', 'REJECT') where seq = 10`).run();
      rechain(sqlite, 'i2');
      rewriteDbHeads(sqlite);
    });
    const codes = log.verifyFile(file).failures.map((f) => f.code);
    expect(codes).toContain('HEAD_ROOT_MISMATCH');
    expect(codes).toContain('HEAD_SIGNATURE_INVALID');
  });

  it('catches a deleted tail, an edited snapshot and an edited definition', () => {
    const truncated = log.copy();
    tamper(truncated, (sqlite) => sqlite.exec('delete from audit_log where seq >= 19'));
    expect(log.verifyFile(truncated).failures.map((f) => f.code)).toContain('LOG_TRUNCATED');
    const snapshot = log.copy();
    tamper(snapshot, (sqlite) =>
      sqlite.exec(`update instances set snapshot = '{"value":"hired"}' where id = 'i3'`),
    );
    expect(log.verifyFile(snapshot).failures).toEqual([
      expect.objectContaining({ instanceId: 'i3', code: 'SNAPSHOT_MISMATCH' }),
    ]);
    const definition = log.copy();
    tamper(definition, (sqlite) => sqlite.exec(`update versions set definition = '{"id":"w","states":{}}'`));
    expect(log.verifyFile(definition).failures.map((f) => f.code)).toEqual(['DEFINITION_MISMATCH']);
  });

  it('detects every random mutation of anchored entries, snapshots and definitions (seeded; the seed is printed)', () => {
    const seed = Number(process.env.TAMPER_SEED ?? Date.now() % 2 ** 31);
    console.log(`tamper battery seed: ${seed} (rerun with TAMPER_SEED=${seed})`);
    let state = seed >>> 0 || 1;
    const rand = (n: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    const COLUMNS = [
      'instance_id',
      'idx',
      'workflow_id',
      'version_id',
      'at',
      'body',
      'definition_hash',
      'snapshot_hash',
      'prev_hash',
      'hash',
    ];
    const MUTATIONS = [
      'edit',
      'edit+rechain',
      'delete',
      'delete+rechain',
      'swap',
      'insert+rechain',
      'snapshot',
      'definition',
      'drop-instance',
    ];
    const missed: string[] = [];
    for (let round = 0; round < 80; round++) {
      const mutation = MUTATIONS[rand(MUTATIONS.length)] as string;
      const seq = 1 + rand(20);
      const column = COLUMNS[rand(COLUMNS.length)] as string;
      const rewriteHeads = rand(2) === 1;
      const file = log.copy();
      tamper(file, (db) => {
        const row = db.prepare('select * from audit_log where seq = ?').get(seq) as Row;
        switch (mutation) {
          case 'edit':
          case 'edit+rechain': {
            const value = (row as unknown as Record<string, unknown>)[column];
            const changed =
              column === 'idx'
                ? (value as number) + 100
                : column === 'body'
                  ? row.body.replace('"', '"x')
                  : `${String(value)}0`;
            db.prepare(`update audit_log set ${column} = ? where seq = ?`).run(changed, seq);
            // Re-chaining restores idx, prev_hash and hash: for those columns it would undo the edit.
            if (mutation === 'edit+rechain' && !['idx', 'prev_hash', 'hash'].includes(column))
              rechain(db, column === 'instance_id' ? `${row.instance_id}0` : row.instance_id);
            break;
          }
          case 'delete':
          case 'delete+rechain':
            db.prepare('delete from audit_log where seq = ?').run(seq);
            if (mutation === 'delete+rechain') rechain(db, row.instance_id);
            break;
          case 'swap': {
            const other = seq === 20 ? 1 : seq + 1;
            db.exec(
              `update audit_log set seq = -1 where seq = ${seq}; update audit_log set seq = ${seq} where seq = ${other}; update audit_log set seq = ${other} where seq = -1;`,
            );
            break;
          }
          case 'insert+rechain': {
            db.exec(
              `update audit_log set seq = seq + 1000 where seq >= ${seq}; update audit_log set seq = seq - 999 where seq >= 1000;`,
            );
            db.prepare(
              'insert into audit_log values (@seq, @instance_id, @idx, @workflow_id, @version_id, @at, @body, @definition_hash, @snapshot_hash, @prev_hash, @hash)',
            ).run({ ...row, body: row.body.replace('"', '"forged'), idx: row.idx - 0.5 });
            db.prepare('update audit_log set idx = ? where seq = ?').run(-1, seq);
            // Order the forged row just before the original and renumber the chain.
            const chain = rowsOf(db, row.instance_id).sort((a, b) => a.seq - b.seq);
            const setIdx = db.prepare('update audit_log set idx = ? where seq = ?');
            for (const [i, r] of chain.entries()) setIdx.run(1000 + i, r.seq);
            for (const [i, r] of chain.entries()) setIdx.run(i, r.seq);
            rechain(db, row.instance_id);
            break;
          }
          case 'snapshot':
            db.prepare(`update instances set snapshot = '{"value":"forged"}' where id = ?`).run(
              row.instance_id,
            );
            break;
          case 'definition':
            db.prepare(`update versions set definition = '{"forged":true}'`).run();
            break;
          case 'drop-instance':
            db.prepare('delete from audit_log where instance_id = ?').run(row.instance_id);
            db.prepare('delete from instances where id = ?').run(row.instance_id);
            break;
        }
        if (rewriteHeads) rewriteDbHeads(db);
      });
      const result = log.verifyFile(file);
      if (result.ok) missed.push(`${mutation} seq ${seq} column ${column} heads rewritten ${rewriteHeads}`);
    }
    expect(missed).toEqual([]);
  }, 60_000);
});
