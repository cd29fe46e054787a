import type { ContextSchema, JsonValue } from '@hireflow/runtime/model';
import { parsePayloadPath, readPayloadPath } from './payloadPath.ts';

/** One declarative copy: the value at `path` in the vendor payload becomes context field `field`. */
export interface ContextMapping {
  field: string;
  path: string;
}

/** What a start mapping makes of a payload: the instance's context and the subject's erasable data. */
export interface StartData {
  context: Record<string, unknown>;
  /** Values of fields marked `pii`: kept in the subject's erasable record, never in context or audit. */
  pii: { [field: string]: JsonValue };
}

/** Sets `a.b.c` as nested objects: the context holds `{ a: { b: { c } } }`, as guards read it. */
function setNested(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  const last = keys.pop() as string;
  let cursor = target;
  for (const key of keys) {
    const next = cursor[key];
    const child = next !== null && typeof next === 'object' ? next : Object.create(null);
    cursor[key] = child;
    cursor = child as Record<string, unknown>;
  }
  cursor[last] = value;
}

/**
 * Reads a start mapping's fields from a payload. Missing values are left out (the field keeps its
 * default); ATS ids sent as numbers become strings for `string` fields. Types are then checked by
 * the engine against the version that starts, so a mismatch is a recorded refusal naming the field.
 */
export function toStartData(
  mappings: readonly ContextMapping[],
  body: unknown,
  schema: ContextSchema,
): StartData | { error: string } {
  // Null-prototype objects: a field named `__proto__…` (valid in a schema) must not reach a prototype.
  const data: StartData = { context: Object.create(null), pii: Object.create(null) };
  for (const mapping of mappings) {
    const path = parsePayloadPath(mapping.path);
    if (typeof path === 'string') return { error: `context ${mapping.field}: ${path}` };
    const field = Object.hasOwn(schema, mapping.field) ? schema[mapping.field] : undefined;
    if (!field) return { error: `context.${mapping.field}: this version has no field "${mapping.field}".` };
    let value = readPayloadPath(body, path);
    if (value === undefined) continue;
    if (field.type === 'string' && typeof value === 'number') value = String(value);
    // Parsed from JSON, so a JSON value.
    if (field.pii) data.pii[mapping.field] = value as JsonValue;
    else setNested(data.context, mapping.field, value);
  }
  return data;
}
