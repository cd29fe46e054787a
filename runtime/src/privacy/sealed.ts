import type { JsonValue } from '../model/index.ts';

/**
 * How personal data appears wherever it is stored outside the subject's key: a JSON value becomes
 * `{ "$pii": "v1.<base64url>" }` (or `{ "$pii": "erased" }` when it arrived after erasure and was
 * dropped), a note becomes the string `"$pii:v1.<base64url>"`. An oversized payload refused at the
 * door is recorded as `{ "$digest": "sha256:<hex>", "bytes": n }`.
 */
export interface SealedValue {
  $pii: string;
}

/** Marker of a value that could not be sealed because the subject was already erased. */
export const ERASED_MARKER = 'erased';
/** The prefix of a sealed note (a text column). */
export const SEALED_NOTE_PREFIX = '$pii:';

/** Is this stored JSON value a sealed personal value? */
export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { $pii?: unknown }).$pii === 'string' &&
    Object.keys(value).length === 1
  );
}

/** Is this stored text a sealed note? */
export const isSealedNote = (text: unknown): text is string =>
  typeof text === 'string' && text.startsWith(SEALED_NOTE_PREFIX);

/** Replaces every sealed value (deeply) with what `reveal` returns for it. */
export function mapSealed(value: unknown, reveal: (sealed: string) => unknown): unknown {
  if (isSealed(value)) return reveal(value.$pii);
  if (Array.isArray(value)) return value.map((item) => mapSealed(item, reveal));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSealed(v, reveal)]));
  return value;
}

/** Does the value hold any sealed personal value? */
export function holdsSealed(value: unknown): boolean {
  if (isSealed(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSealed);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsSealed);
  return false;
}

export type { JsonValue };
