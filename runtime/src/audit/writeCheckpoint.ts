import { desc } from 'drizzle-orm';
import { canonicalJson } from '../compiler/canonical.ts';
import { type HireflowDb, schema } from '../store/index.ts';
import { merkleRoot } from './merkleRoot.ts';

/** One leaf of a checkpoint: an instance's chain head. */
export type ChainHead = [instanceId: string, idx: number, hash: string];

/** A stored checkpoint: Merkle root over every instance's chain head at `at`. */
export interface AuditCheckpoint {
  id: number;
  /** Epoch milliseconds. */
  at: number;
  root: string;
  size: number;
  heads: ChainHead[];
}

/** The leaf data of a head: its canonical JSON, unambiguous whatever the instance id contains. */
export function headLeaf(head: ChainHead): string {
  return canonicalJson(head);
}

/** Every instance's current head, ordered by instance id (SQLite's binary collation). */
export function listChainHeads(db: HireflowDb): ChainHead[] {
  // With max(), SQLite takes the bare column `hash` from the row holding the maximum idx.
  return db.sqlite
    .prepare<[], ChainHead>(
      'select instance_id, max(idx), hash from audit_entries group by instance_id order by instance_id',
    )
    .raw()
    .all();
}

/**
 * Stores a checkpoint over every chain head. Run it periodically (and export its root somewhere the
 * database's owner cannot rewrite) so that removing or truncating a whole chain is detected.
 */
export function writeCheckpoint(db: HireflowDb, now: number): AuditCheckpoint {
  return db.transaction(() => {
    const heads = listChainHeads(db);
    const root = merkleRoot(heads.map(headLeaf));
    const row = db.orm
      .insert(schema.checkpoints)
      .values({ at: now, root, size: heads.length, heads })
      .returning()
      .get();
    return row;
  });
}

/** The most recent checkpoint, or undefined before the first. */
export function latestCheckpoint(db: HireflowDb): AuditCheckpoint | undefined {
  return db.orm.select().from(schema.checkpoints).orderBy(desc(schema.checkpoints.id)).limit(1).get();
}
