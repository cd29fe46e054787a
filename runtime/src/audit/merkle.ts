import { hash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree over leaf hashes (32-byte Buffers). Leaf hashes are
 * sha256(0x00 ‖ leaf); interior nodes sha256(0x01 ‖ left ‖ right); the empty tree is sha256("").
 */
const NODE = Buffer.from([0x01]);

/** Reused input buffer: node hashing is on verify's hot path (one per entry). */
const scratch = Buffer.alloc(65, NODE);

/** sha256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  left.copy(scratch, 1);
  right.copy(scratch, 33);
  return hash('sha256', scratch, 'buffer') as unknown as Buffer;
}

/** sha256(0x00 ‖ data): the RFC 6962 leaf hash. */
export function leafHash(data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return hash('sha256', Buffer.concat([Buffer.from([0]), bytes]), 'buffer') as unknown as Buffer;
}

export const EMPTY_ROOT: Buffer = hash('sha256', '', 'buffer') as unknown as Buffer;

/** Largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Subtree roots already computed, keyed `start:end`: proofs for many leaves share them. */
export type SubtreeCache = Map<string, Buffer>;

/** MTH(D[start:end]); with a cache, each subtree is hashed once across calls. */
export function subtreeRoot(
  leaves: readonly Buffer[],
  start: number,
  end: number,
  cache?: SubtreeCache,
): Buffer {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[start] as Buffer;
  const key = `${start}:${end}`;
  const known = cache?.get(key);
  if (known) return known;
  const k = splitPoint(n);
  const root = nodeHash(
    subtreeRoot(leaves, start, start + k, cache),
    subtreeRoot(leaves, start + k, end, cache),
  );
  cache?.set(key, root);
  return root;
}

/**
 * Streaming root: push leaf hashes in order, read the root of the first `size` leaves at any time in
 * O(log n). Keeps the perfect subtrees of the binary decomposition of `size`.
 */
export class MerkleFrontier {
  private readonly stack: { hash: Buffer; size: number }[] = [];
  size = 0;

  push(leaf: Buffer): void {
    let node = { hash: leaf, size: 1 };
    for (let top = this.stack.at(-1); top && top.size === node.size; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { hash: nodeHash(top.hash, node.hash), size: top.size * 2 };
    }
    this.stack.push(node);
    this.size++;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let root = (this.stack.at(-1) as { hash: Buffer }).hash;
    for (let i = this.stack.length - 2; i >= 0; i--)
      root = nodeHash((this.stack[i] as { hash: Buffer }).hash, root);
    return root;
  }
}

/** RFC 6962 PATH(m, D[start:end]): the audit path of leaf `m` (relative to start). */
export function inclusionProof(
  leaves: readonly Buffer[],
  m: number,
  start = 0,
  end = leaves.length,
  cache?: SubtreeCache,
): Buffer[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...inclusionProof(leaves, m, start, start + k, cache), subtreeRoot(leaves, start + k, end, cache)]
    : [...inclusionProof(leaves, m - k, start + k, end, cache), subtreeRoot(leaves, start, start + k, cache)];
}

/** RFC 6962 PROOF(m, D[n]): consistency of the first `m` leaves with all `leaves`. */
export function consistencyProof(leaves: readonly Buffer[], m: number): Buffer[] {
  if (m <= 0 || m >= leaves.length) return [];
  return subproof(leaves, m, 0, leaves.length, true);
}

function subproof(
  leaves: readonly Buffer[],
  m: number,
  start: number,
  end: number,
  whole: boolean,
): Buffer[] {
  const n = end - start;
  if (m === n) return whole ? [] : [subtreeRoot(leaves, start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(leaves, m, start, start + k, whole), subtreeRoot(leaves, start + k, end)]
    : [...subproof(leaves, m - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
}

/** RFC 9162 §2.1.3.2: does `proof` prove leaf `index` of a tree of `size` leaves with `root`? */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  size: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of size `first` is a prefix of the one of `second`? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (first > second || proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = path[0] as Buffer;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}
