import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Keys that JS engines enumerate before all others, in numeric order, whatever the insertion order. */
const INDEX_KEY = /^(0|[1-9][0-9]*)$/;

/** Most objects (parsed specs, emitted nodes) are small and often already in order: skip the sort. */
function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

const startsWithDigit = (key: string): boolean => {
  const code = key.charCodeAt(0);
  return code >= 48 && code <= 57;
};

interface SortState {
  /** Set when an object has an array-index-like key, which insertion order cannot place. */
  indexKeys: boolean;
}

/**
 * Deep copy of a JSON value with object keys inserted in code-unit order, `undefined` members dropped
 * and `undefined` array items as null; throws on what JSON cannot hold. Native `JSON.stringify` of the
 * copy is the canonical text, which is much faster than building the text by hand.
 */
function sortKeys(value: unknown, state: SortState): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const items: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          items[i] = item === undefined ? null : sortKeys(item, state);
        }
        return items;
      }
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const keys = Object.keys(record);
      if (!isSorted(keys)) keys.sort();
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        if (startsWithDigit(key) && INDEX_KEY.test(key)) state.indexKeys = true;
        // A "__proto__" member must stay data, as JSON.parse would keep it.
        if (key === '__proto__')
          Object.defineProperty(out, key, {
            value: sortKeys(member, state),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[key] = sortKeys(member, state);
      }
      return out;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

/** The canonical text built by hand: needed only for objects with array-index-like keys. */
function encode(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => encode(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${encode(record[key])}`).join(',')}}`;
}

/**
 * Deterministic JSON: object keys sorted by code point, no whitespace, `undefined` members dropped
 * (RFC 8785 style for the values we store). The same value always gives the same bytes, so hashes of
 * specs, definitions and audit entries are stable across runs and key orders.
 */
export function canonicalJson(value: unknown): string {
  const state: SortState = { indexKeys: false };
  const sorted = sortKeys(value, state);
  return state.indexKeys ? encode(sorted) : JSON.stringify(sorted);
}

/**
 * A deep copy in canonical key order together with its canonical text, from one pass over the value
 * (the compiler needs both: the spec it works on and the text it hashes).
 */
export function toCanonical<T>(value: T): { value: T; text: string } {
  const state: SortState = { indexKeys: false };
  const sorted = sortKeys(value, state);
  return { value: sorted as T, text: state.indexKeys ? encode(sorted) : JSON.stringify(sorted) };
}

/** Returns a deep copy of a JSON value with object keys in canonical order. */
export function canonicalize<T>(value: T): T {
  return sortKeys(value, { indexKeys: false }) as T;
}

/** Hex sha256 of a UTF-8 string; browser-safe. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
