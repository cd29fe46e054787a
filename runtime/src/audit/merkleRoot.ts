import { createHash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 6962 leaf hash: sha256(0x00 ‖ data). */
export function merkleLeafHash(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/**
 * RFC 6962 Merkle Tree Hash over `leaves` (raw leaf data, in order), hex. The empty tree hashes to
 * sha256(""); for n > 1 the tree splits at the largest power of two below n, so the root of a
 * log that only grew can be proven consistent with an older one.
 */
export function merkleRoot(leaves: readonly (string | Uint8Array)[]): string {
  if (leaves.length === 0) return createHash('sha256').digest('hex');
  return subtreeHash(leaves.map(merkleLeafHash), 0, leaves.length).toString('hex');
}

function subtreeHash(hashes: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 1) return hashes[start] as Buffer;
  let k = 1;
  while (k * 2 < n) k *= 2;
  const left = subtreeHash(hashes, start, start + k);
  const right = subtreeHash(hashes, start + k, end);
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
