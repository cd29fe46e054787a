import { canonicalJson } from '../compiler/canonical.ts';
import { entryHash, entryText } from './entryText.ts';
import { leafHash, MerkleFrontier } from './merkle.ts';
import { GENESIS_HASH } from './types.ts';

/** A stored row as `raw()` returns it, in {@link ROW_COLUMNS} order. */
export type RawAuditRow = [
  seq: number,
  instanceId: string,
  idx: number,
  workflowId: string,
  versionId: string,
  at: string,
  body: string,
  definitionHash: string | null,
  snapshotHash: string | null,
  prevHash: string,
  hash: string,
];

export const ROW_COLUMNS = `seq, instance_id, idx, workflow_id, version_id, at, body, definition_hash, snapshot_hash,
  prev_hash, hash`;

/** The hashed text of a stored row: exactly what its hash covers (see docs/audit-format.md). */
export function rowText(raw: RawAuditRow): string {
  const [seq, instanceId, idx, workflowId, versionId, at, body, definitionHash, snapshotHash, prevHash] = raw;
  return entryText({
    seq,
    instanceId,
    idx,
    workflowId,
    versionId,
    at,
    body,
    definitionHash,
    snapshotHash,
    prevHash,
  });
}

/** An instance's chain tip while scanning. */
export interface ChainTip {
  idx: number;
  hash: string;
  snapshotHash: string | null;
}

/** Why an entry does not link. */
export type LinkFailureCode = 'IDX_GAP' | 'BROKEN_LINK' | 'HASH_MISMATCH' | 'MALFORMED_ENTRY';

/**
 * Checks one stored row against its chain tip: position, link and hash over the stored bytes.
 * @returns the recomputed hash, or the failure.
 */
export function checkRow(
  raw: RawAuditRow,
  tip: ChainTip | undefined,
): { hash: string } | { code: LinkFailureCode; reason: string } {
  const [seq, idx, body, prevHash] = [raw[0], raw[2], raw[6], raw[9]];
  // Typed columns keep the spliced text unambiguous (SQLite would store text in an integer column).
  if (typeof idx !== 'number' || typeof seq !== 'number' || typeof body !== 'string')
    return { code: 'MALFORMED_ENTRY', reason: 'a column holds a value of the wrong type' };
  const expectedIdx = tip === undefined ? 0 : tip.idx + 1;
  if (idx !== expectedIdx) return { code: 'IDX_GAP', reason: `expected entry ${expectedIdx}, found ${idx}` };
  if (prevHash !== (tip?.hash ?? GENESIS_HASH))
    return { code: 'BROKEN_LINK', reason: 'prevHash is not the hash of the previous entry' };
  const hash = entryHash(rowText(raw));
  if (hash !== raw[10])
    return { code: 'HASH_MISMATCH', reason: 'the stored hash does not match the entry content' };
  return { hash };
}

/**
 * Root of the heads tree: leaves `canonicalJson([instanceId, idx, hash])` of every instance's last
 * entry, sorted by instance id in UTF-16 code-unit order.
 */
export function headsRoot(tips: ReadonlyMap<string, { idx: number; hash: string }>): string {
  const ids = [...tips.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const frontier = new MerkleFrontier();
  for (const id of ids) {
    const tip = tips.get(id) as { idx: number; hash: string };
    frontier.push(leafHash(headLeaf(id, tip.idx, tip.hash)));
  }
  return frontier.root().toString('hex');
}

/** The leaf text of an instance's head in the heads tree. */
export function headLeaf(instanceId: string, idx: number, hash: string): string {
  return canonicalJson([instanceId, idx, hash]);
}
