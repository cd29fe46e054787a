import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MerkleFrontier,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));

describe('RFC 6962 Merkle tree', () => {
  it('matches the RFC 6962 test vector root for the empty tree and one leaf', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    // sha256(0x00) — the leaf hash of the empty leaf, RFC 6962 test vector.
    expect(leafHash('').toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it('the streaming frontier gives the recursive root at every size', () => {
    const all = leaves(70);
    const frontier = new MerkleFrontier();
    for (let n = 1; n <= all.length; n++) {
      frontier.push(all[n - 1] as Buffer);
      expect(frontier.root().equals(subtreeRoot(all, 0, n))).toBe(true);
    }
  });

  it('inclusion and consistency proofs verify, and fail for a wrong leaf or size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.nat(), (n, a, b) => {
        const all = leaves(n);
        const root = subtreeRoot(all, 0, n);
        const m = a % n;
        const proof = inclusionProof(all, m);
        expect(verifyInclusion(all[m] as Buffer, m, n, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash('other'), m, n, proof, root)).toBe(false);
        const first = (b % n) + 1;
        const firstRoot = subtreeRoot(all, 0, first);
        const cproof = consistencyProof(all, first);
        expect(verifyConsistency(first, n, firstRoot, root, cproof)).toBe(true);
        if (first < n) expect(verifyConsistency(first, n, leafHash('x'), root, cproof)).toBe(false);
      }),
    );
  });
});
