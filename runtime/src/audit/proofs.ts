import type { KeyObject } from 'node:crypto';
import type { HireflowDb } from '../store/index.ts';
import { publicKeyFrom } from './auditKey.ts';
import { headLeaf } from './chainCheck.ts';
import { consistencyProof, inclusionProof, leafHash, subtreeRoot } from './merkle.ts';
import type { SignedTreeHead } from './treeHead.ts';

interface HeadRow {
  treeSize: number;
  rootHash: string;
  headsSize: number;
  headsRoot: string;
  timestamp: number;
  keyId: string;
  publicKey: string;
  signature: string;
}

const HEAD_COLUMNS = `tree_size as treeSize, root_hash as rootHash, heads_size as headsSize, heads_root as headsRoot,
  timestamp, key_id as keyId, public_key as publicKey, signature`;

const toHead = (row: HeadRow): SignedTreeHead => ({
  version: 'hireflow-sth/1',
  treeSize: row.treeSize,
  rootHash: row.rootHash,
  headsSize: row.headsSize,
  headsRoot: row.headsRoot,
  timestamp: row.timestamp,
  keyId: row.keyId,
  signature: row.signature,
});

/** The database's copies of the signed heads, oldest first, with the public key stored beside each. */
export function listStoredHeads(
  db: HireflowDb,
): { head: SignedTreeHead; publicKey: KeyObject | undefined; publicKeyBase64: string }[] {
  return db.sqlite
    .prepare<[], HeadRow>(`select ${HEAD_COLUMNS} from tree_heads order by id`)
    .all()
    .map((row) => {
      let publicKey: KeyObject | undefined;
      try {
        publicKey = publicKeyFrom(row.publicKey);
      } catch {
        publicKey = undefined;
      }
      return { head: toHead(row), publicKey, publicKeyBase64: row.publicKey };
    });
}

/** The newest stored head (largest tree), or undefined before the first. */
export function latestTreeHead(db: HireflowDb): (SignedTreeHead & { publicKey: string }) | undefined {
  const row = db.sqlite
    .prepare<[], HeadRow>(`select ${HEAD_COLUMNS} from tree_heads order by tree_size desc, id desc limit 1`)
    .get();
  return row ? { ...toHead(row), publicKey: row.publicKey } : undefined;
}

/** The stored head of exactly `treeSize` entries, if one was signed. */
export function treeHeadOfSize(db: HireflowDb, treeSize: number): SignedTreeHead | undefined {
  const row = db.sqlite
    .prepare<[number], HeadRow>(
      `select ${HEAD_COLUMNS} from tree_heads where tree_size = ? order by id desc limit 1`,
    )
    .get(treeSize);
  return row ? toHead(row) : undefined;
}

/** The leaf hashes (stored entry hashes) of the first `size` entries. */
export function leafHashes(db: HireflowDb, size: number): Buffer[] {
  return db.sqlite
    .prepare<[number], string>('select hash from audit_log where seq <= ? order by seq')
    .pluck()
    .all(size)
    .map((hex) => Buffer.from(hex, 'hex'));
}

/** An inclusion proof: the audit path of entry `seq` (leaf index seq - 1) in the tree of `treeSize`. */
export interface InclusionProof {
  seq: number;
  leafIndex: number;
  treeSize: number;
  rootHash: string;
  path: string[];
}

/** The inclusion proof of entry `seq` in the first `treeSize` entries; undefined when out of range. */
export function proveInclusion(db: HireflowDb, seq: number, treeSize: number): InclusionProof | undefined {
  if (seq < 1 || seq > treeSize) return undefined;
  const leaves = leafHashes(db, treeSize);
  if (leaves.length !== treeSize) return undefined;
  return {
    seq,
    leafIndex: seq - 1,
    treeSize,
    rootHash: subtreeRoot(leaves, 0, treeSize).toString('hex'),
    path: inclusionProof(leaves, seq - 1).map((b) => b.toString('hex')),
  };
}

/** A consistency proof between two tree sizes. */
export interface ConsistencyProof {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  path: string[];
}

/** RFC 6962 consistency proof that the first `from` entries are a prefix of the first `to`. */
export function proveConsistency(db: HireflowDb, from: number, to: number): ConsistencyProof | undefined {
  if (from < 0 || from > to) return undefined;
  const leaves = leafHashes(db, to);
  if (leaves.length !== to) return undefined;
  return {
    from,
    to,
    fromRoot: subtreeRoot(leaves, 0, from).toString('hex'),
    toRoot: subtreeRoot(leaves, 0, to).toString('hex'),
    path: consistencyProof(leaves, from).map((b) => b.toString('hex')),
  };
}

/** Proof that an instance's chain ended at `[idx, hash]` at a tree size: a path in the heads tree. */
export interface ChainHeadProof {
  instanceId: string;
  idx: number;
  hash: string;
  leafIndex: number;
  headsSize: number;
  path: string[];
}

/**
 * Proves where an instance's chain ended as of `treeSize`: its leaf `[instanceId, idx, hash]` in the
 * heads tree (sorted by instance id) the signed head's `headsRoot` covers.
 */
export function proveChainHead(
  db: HireflowDb,
  instanceId: string,
  treeSize: number,
): ChainHeadProof | undefined {
  const heads = db.sqlite
    .prepare<[number], [string, number, string]>(
      'select instance_id, max(idx), hash from audit_log where seq <= ? group by instance_id',
    )
    .raw()
    .all(treeSize)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const leafIndex = heads.findIndex(([id]) => id === instanceId);
  const own = heads[leafIndex];
  if (!own) return undefined;
  const leaves = heads.map(([id, idx, hash]) => leafHash(headLeaf(id, idx, hash)));
  return {
    instanceId,
    idx: own[1],
    hash: own[2],
    leafIndex,
    headsSize: heads.length,
    path: inclusionProof(leaves, leafIndex).map((b) => b.toString('hex')),
  };
}
