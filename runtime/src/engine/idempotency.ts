import { canonicalJson, sha256Hex } from '../compiler/index.ts';
import {
  getIdempotencyRecord,
  type HireflowDb,
  type JsonObject,
  putIdempotencyRecord,
} from '../store/index.ts';
import type { Refusal } from './refusal.ts';

/** The fingerprint of a request: the same key with a different fingerprint is a client bug. */
export const requestHash = (request: unknown): string => sha256Hex(canonicalJson(request));

export type Remembered<T> =
  | { kind: 'fresh' }
  | { kind: 'repeat'; response: T }
  | { kind: 'mismatch'; refusal: Refusal };

/** Looks a key up inside the step's transaction. */
export function recall<T>(
  db: HireflowDb,
  scope: string,
  key: string | undefined,
  hash: string,
): Remembered<T> {
  if (!key) return { kind: 'fresh' };
  const record = getIdempotencyRecord(db, scope, key);
  if (!record) return { kind: 'fresh' };
  if (record.requestHash !== hash) {
    return {
      kind: 'mismatch',
      refusal: {
        ok: false,
        code: 'IDEMPOTENCY_MISMATCH',
        message: 'This Idempotency-Key was already used for a different request.',
      },
    };
  }
  return { kind: 'repeat', response: record.response as T };
}

/** Stores the answer in the same transaction as the step it answers. */
export function remember(
  db: HireflowDb,
  scope: string,
  key: string | undefined,
  hash: string,
  response: unknown,
  now: number,
): void {
  if (!key) return;
  putIdempotencyRecord(db, { scope, key, requestHash: hash, response: response as JsonObject, now });
}
