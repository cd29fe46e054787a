import type { ContextSchema } from '../model/index.ts';
import { ASSUMED_LIST_SIZE, type Size, type SizeOracle } from './guardCost.ts';

const SCALAR: Size = { len: 0 };

/** A size whose elements are as large as itself (nothing smaller is known about nested lists). */
function everywhere(len: number): Size {
  const size: Size = { len };
  size.elem = size;
  return size;
}

/**
 * Compile-time sizes from the context schema: a `string[]` field and anything under `event` (the
 * payload is untyped) are assumed to hold {@link ASSUMED_LIST_SIZE} elements; scalars hold none.
 */
export function schemaSizes(schema: ContextSchema): SizeOracle {
  const unknown = everywhere(ASSUMED_LIST_SIZE);
  return {
    unknown,
    ofPath(path) {
      const field = schema[path.join('.')];
      if (field === undefined) return unknown;
      return field.type === 'string[]' ? { len: ASSUMED_LIST_SIZE, elem: SCALAR } : SCALAR;
    },
  };
}

/** The size of a concrete value: lists by length (elements recursively), maps by key count. */
function sizeOfValue(value: unknown): Size {
  if (Array.isArray(value)) {
    let elem: Size | undefined;
    for (const item of value) {
      const size = sizeOfValue(item);
      if (elem === undefined || size.len > elem.len) elem = size;
    }
    return { len: value.length, elem };
  }
  if (value instanceof Map) return { len: value.size, elem: SCALAR };
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return { len: Object.keys(value).length, elem: SCALAR };
  }
  return SCALAR;
}

/** The largest collection or string anywhere in `value`: a bound for every computed list. */
function largest(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value))
    return value.reduce((max: number, item) => Math.max(max, largest(item)), value.length);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = value instanceof Map ? [...value.values()] : Object.values(value);
    return entries.reduce((max: number, item) => Math.max(max, largest(item)), entries.length);
  }
  return 0;
}

/** Run-time sizes: the actual values the guard is about to see. */
export function valueSizes(values: Record<string, unknown>): SizeOracle {
  let unknown: Size | undefined;
  return {
    get unknown() {
      unknown ??= everywhere(largest(values));
      return unknown;
    },
    ofPath(path) {
      let node: unknown = values;
      for (const key of path) {
        if (typeof node !== 'object' || node === null) return SCALAR;
        node = node instanceof Map ? node.get(key) : (node as Record<string, unknown>)[key];
      }
      return sizeOfValue(node);
    },
  };
}
