import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignedTreeHead } from './treeHead.ts';

/** The witness file: one signed tree head per line, only ever appended to. */
export const WITNESS_FILE = 'tree-heads.ndjson';

/**
 * Publishes a head to the witness directory (outside the database): appends one NDJSON line and, the
 * first time, writes the public key beside it. Whoever rewrites the database cannot rewrite this
 * without the signing key; mount it on other storage or ship it elsewhere to make that stronger.
 */
export function publishToWitness(dir: string, head: SignedTreeHead, publicKeyBase64: string): void {
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'public-key.txt');
  if (!existsSync(keyFile)) writeFileSync(keyFile, `${publicKeyBase64}\n`, { flag: 'wx' });
  appendFileSync(join(dir, WITNESS_FILE), `${JSON.stringify(head)}\n`, { flag: 'a' });
}

/** The heads in the witness directory, oldest first; unreadable lines are counted, not thrown. */
export function readWitnessHeads(dir: string): { heads: SignedTreeHead[]; malformed: number } {
  const file = join(dir, WITNESS_FILE);
  if (!existsSync(file)) return { heads: [], malformed: 0 };
  const heads: SignedTreeHead[] = [];
  let malformed = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      heads.push(JSON.parse(line) as SignedTreeHead);
    } catch {
      malformed++;
    }
  }
  return { heads, malformed };
}
