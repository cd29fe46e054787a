import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../compiler/canonical.ts';
import { getSubject, getSubjectKey, type HireflowDb, putSubjectKey } from '../store/index.ts';
import { openText, sealText } from './piiCipher.ts';
import { ERASED_MARKER, SEALED_NOTE_PREFIX, type SealedValue } from './sealed.ts';

/** Seals and opens one subject's personal values under its data key. */
export interface SubjectVault {
  readonly subjectRef: string;
  /** False once the subject was erased: new values seal to the `erased` marker, old ones stay closed. */
  readonly available: boolean;
  seal(value: unknown): SealedValue;
  sealNote(text: string): string;
  /** The plaintext value, or undefined when the key is gone or the text is not a sealed value. */
  open(sealed: string): { value: unknown } | undefined;
  openNote(text: string): string | undefined;
}

/** The key owner of an instance's personal data: its subject, or the instance itself if it has none. */
export const subjectRefOf = (row: { id: string; subjectId: string | null }): string =>
  row.subjectId ?? `instance:${row.id}`;

const isErased = (db: HireflowDb, ref: string) =>
  ref.startsWith('sub_') ? (getSubject(db, ref)?.erasedAt ?? null) !== null : false;

/**
 * The vault of a subject. With `create`, a subject that has no key yet (and was not erased) gets a
 * fresh random one — callers that write pass it; readers do not, so a read never creates keys.
 */
export function openVault(
  db: HireflowDb,
  subjectRef: string,
  options: { create?: { now: number } } = {},
): SubjectVault {
  let encoded = getSubjectKey(db, subjectRef);
  if (encoded === undefined && options.create && !isErased(db, subjectRef)) {
    encoded = putSubjectKey(db, subjectRef, randomBytes(32).toString('base64'), options.create.now);
  }
  const key = encoded === undefined ? undefined : Buffer.from(encoded, 'base64');
  const sealRaw = (text: string) => (key ? sealText(key, text) : ERASED_MARKER);
  return {
    subjectRef,
    available: key !== undefined,
    seal: (value) => ({ $pii: sealRaw(canonicalJson(value ?? null)) }),
    sealNote: (text) => SEALED_NOTE_PREFIX + sealRaw(text),
    open(sealed) {
      const text = key ? openText(key, sealed) : undefined;
      return text === undefined ? undefined : { value: JSON.parse(text) };
    },
    openNote(text) {
      if (!key || !text.startsWith(SEALED_NOTE_PREFIX)) return undefined;
      return openText(key, text.slice(SEALED_NOTE_PREFIX.length));
    },
  };
}
