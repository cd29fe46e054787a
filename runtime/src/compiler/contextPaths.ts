/** Reads a dotted path from a nested JSON object. */
export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Returns a copy of `target` with the dotted path set, copying only the objects on the way. */
export function setPath<T extends Record<string, unknown>>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return target;
  if (rest.length === 0) return { ...target, [head]: value };
  const child = target[head];
  const base =
    typeof child === 'object' && child !== null && !Array.isArray(child)
      ? (child as Record<string, unknown>)
      : {};
  return { ...target, [head]: setPath(base, rest.join('.'), value) };
}

/** Applies a patch of dotted paths to values. */
export function applyPatch<T extends Record<string, unknown>>(target: T, patch: Record<string, unknown>): T {
  let out = target;
  for (const [path, value] of Object.entries(patch)) out = setPath(out, path, value);
  return out;
}

/** Deep-merges plain objects (arrays and values replace). */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothObjects =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current);
    out[key] = bothObjects
      ? deepMerge(current as Record<string, unknown>, value as Record<string, unknown>)
      : value;
  }
  return out;
}
