/**
 * A path into a vendor payload, as mappings name them: dotted keys with array indexes, optionally
 * rooted at `$` — `payload.application.jobs[0].name`, `$.data.application.id`. Deliberately tiny (no
 * filters, no wildcards, no script): a mapping reads one value, and nothing in it is ever evaluated.
 */
export type PayloadPath = readonly (string | number)[];

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\[\d{1,4}\])*)$/;

/** Parses a path; a string message says what is wrong with it. */
export function parsePayloadPath(text: string): PayloadPath | string {
  const body = text.startsWith('$.') ? text.slice(2) : text;
  if (body === '' || body.length > 300) return 'give a path such as payload.application.id';
  const path: (string | number)[] = [];
  for (const part of body.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match?.[1]) return `"${part}" is not a key (letters, digits, _ and -, then optional [n])`;
    path.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/** The value at `path`, or undefined when any step is missing. Own properties only (no prototype keys). */
export function readPayloadPath(value: unknown, path: PayloadPath): unknown {
  let cursor = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(cursor) || step >= cursor.length) return undefined;
      cursor = cursor[step];
    } else {
      if (cursor === null || typeof cursor !== 'object' || Array.isArray(cursor)) return undefined;
      if (!Object.hasOwn(cursor, step)) return undefined;
      cursor = (cursor as Record<string, unknown>)[step];
    }
  }
  return cursor;
}

/** Is `path` at or below one of `prefixes` (all in dotted text form, `$.` and indexes ignored)? */
export function isUnderAny(path: PayloadPath, prefixes: readonly string[]): boolean {
  const keys = path.filter((step): step is string => typeof step === 'string').join('.');
  return prefixes.some((prefix) => keys === prefix || keys.startsWith(`${prefix}.`));
}
