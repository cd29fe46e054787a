import type { ContextSchema } from '../model/index.ts';

const REDACTED = '[redacted]';

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [key, sub] of entries) flatten(sub, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, JSON.stringify(value ?? null));
}

/**
 * The context changes of a step as `{ 'dotted.path': newValue }` (null for removed), for the audit
 * entry. Fields the schema marks as personal data are recorded as "[redacted]", never their value.
 */
export function contextPatch(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  schema: ContextSchema,
): Record<string, unknown> {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const patch: Record<string, unknown> = {};
  for (const [path, value] of b) {
    if (a.get(path) === value) continue;
    patch[path] = schema[path]?.pii ? REDACTED : JSON.parse(value);
  }
  for (const path of a.keys()) if (!b.has(path)) patch[path] = null;
  return patch;
}
