import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalJson, sha256Hex, toCanonical } from './canonical.ts';

/** The definition of canonical JSON, written the obvious way: the fast implementation must agree. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
}

/** JSON-like values with awkward keys: index-like ("10", "9"), "__proto__", unicode, undefined members. */
const awkwardKey = fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', '01', '__proto__', 'é', 'Z', 'a'));
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(awkwardKey, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 5 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('sorts keys by code unit, drops undefined members and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null], c: undefined, B: 'x' })).toBe(
      '{"B":"x","a":[true,null],"b":1}',
    );
  });

  it('places array-index-like keys by code unit too ("10" before "9")', () => {
    expect(canonicalJson({ 9: 'nine', 10: 'ten', a: 'letter' })).toBe('{"10":"ten","9":"nine","a":"letter"}');
  });

  it('agrees with the obvious definition on any JSON value', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 300 },
    );
  });

  it('is the same text whatever the key order', () => {
    expect(canonicalJson({ a: { y: 1, x: 2 }, b: 3 })).toBe(canonicalJson({ b: 3, a: { x: 2, y: 1 } }));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('numbers must be finite');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('cannot encode a function');
    expect(() => canonicalJson(undefined)).toThrow('cannot encode a undefined');
  });
});

describe('canonicalize and toCanonical', () => {
  it('return a deep copy whose JSON is the canonical text', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        const { value: copy, text } = toCanonical(value);
        expect(text).toBe(reference(value));
        expect(canonicalJson(canonicalize(value))).toBe(text);
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a "__proto__" member as data instead of changing the prototype', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true},"a":1}');
    const copy = canonicalize(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });
});

describe('sha256Hex', () => {
  it('hashes UTF-8 text to lowercase hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('é')).toBe(sha256Hex('\u00e9'));
  });
});
