import { createHash } from 'node:crypto';
import { type AuditEntry, canonicalJson, GENESIS_HASH } from '../runtime.ts';

/** What {@link verifyInstanceChain} found. */
export interface ChainCheck {
  ok: boolean;
  entries: number;
  firstBad?: { seq: number; reason: string };
}

/**
 * Recomputes one instance's hash chain: positions without gaps, each `prevHash` the previous hash,
 * each hash `sha256(prevHash + canonicalJson(entry without hash))`. The whole-database `verify` also
 * checks checkpoints; this answers "is this candidate's history intact" without scanning everything.
 */
export function verifyInstanceChain(entries: readonly AuditEntry[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const fail = (reason: string): ChainCheck => ({
      ok: false,
      entries: entries.length,
      firstBad: { seq: entry.seq, reason },
    });
    if (entry.idx !== index) return fail(`expected entry ${index}, found ${entry.idx}`);
    if (entry.prevHash !== prev) return fail('prevHash does not link to the previous entry');
    const { hash, ...rest } = entry;
    const expected = createHash('sha256')
      .update(prev + canonicalJson(rest))
      .digest('hex');
    if (hash !== expected) return fail('the entry was changed after it was written');
    prev = hash;
  }
  return { ok: true, entries: entries.length };
}
