import type { HireflowEvent, MachineDefinition } from '../compiler/index.ts';
import type { ContextField } from '../model/index.ts';
import { type Refusal, refuse } from './refusal.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does a JSON value fit a context field's type (and enum)? */
export function fitsField(field: ContextField, value: unknown): boolean {
  if (value === null) return true;
  switch (field.type) {
    case 'string':
      return typeof value === 'string' && (!field.enum || field.enum.includes(value));
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** Checks a `{ 'dotted.path': value }` patch against the context schema. */
export function checkPatch(
  definition: MachineDefinition,
  patch: Record<string, unknown>,
  where: string,
): Refusal | undefined {
  const schema = definition.meta.hireflow.contextSchema;
  for (const [path, value] of Object.entries(patch)) {
    const field = schema[path];
    if (!field) return refuse('INVALID_EVENT', `${where}.${path}: this workflow has no field "${path}".`);
    if (!fitsField(field, value)) {
      const allowed = field.enum ? ` (one of ${field.enum.join(', ')})` : '';
      return refuse('INVALID_EVENT', `${where}.${path}: expected a ${field.type}${allowed}.`);
    }
  }
  return undefined;
}

/** Flattens a nested start context into dotted paths of the schema's fields. */
function flattenKnown(context: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value)) Object.assign(out, flattenKnown(value, path));
    else out[path] = value;
  }
  return out;
}

/** The start context must only hold known fields of the right types; system keys (`$…`) are refused. */
export function validateStartContext(
  definition: MachineDefinition,
  context: Record<string, unknown>,
): Refusal | undefined {
  if (!isObject(context)) return refuse('INVALID_EVENT', 'context: must be an object.');
  if (Object.keys(context).some((key) => key.startsWith('$')))
    return refuse('INVALID_EVENT', 'context: keys starting with $ are reserved.');
  return checkPatch(definition, flattenKnown(context), 'context');
}

/** Validates an incoming event before it reaches the machine. Timer events are internal and refused here. */
export function validateEvent(definition: MachineDefinition, event: HireflowEvent): Refusal | undefined {
  if (!/^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/.test(event.type)) {
    return refuse('INVALID_EVENT', `type: "${event.type}" is not an event name (use UPPER_SNAKE_CASE).`);
  }
  if (event.payload !== undefined && !isObject(event.payload))
    return refuse('INVALID_EVENT', 'payload: must be an object.');
  if (event.type === 'UPDATE_CONTEXT') {
    const patch = event.payload?.patch;
    if (!isObject(patch) || Object.keys(patch).length === 0)
      return refuse('INVALID_EVENT', 'payload.patch: give the fields to change.');
    return checkPatch(definition, patch, 'payload.patch');
  }
  return undefined;
}
