import type { EngineActor } from '../../src/engine/index.ts';
import type { SpecJson } from './workflowPool.ts';

/** The business unit every durability instance lives in. */
export const UNIT = 'engineering';

interface FieldSpec {
  type: string;
  enum?: string[];
}

/** What a random event path needs to know about a spec: its typed fields and who may act. */
export interface WorkflowProfile {
  fields: [path: string, field: FieldSpec][];
  actors: EngineActor[];
}

/** Walks the spec JSON and collects every role and named user it mentions (approvers, allowedRoles, owners). */
function collectPeople(value: unknown, roles: Set<string>, users: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectPeople(item, roles, users);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'role' && typeof item === 'string') roles.add(item);
    else if (key === 'user' && typeof item === 'string') users.add(item);
    else if (key === 'allowedRoles' && Array.isArray(item)) for (const role of item) roles.add(String(role));
    else collectPeople(item, roles, users);
  }
}

/** The fields and the actor pool of a spec: one actor per role and named user, an admin and an outsider. */
export function profileOf(spec: SpecJson): WorkflowProfile {
  const roles = new Set<string>(['recruiter']);
  const users = new Set<string>();
  collectPeople(spec.states, roles, users);
  const actors: EngineActor[] = [
    ...[...roles]
      .sort()
      .map((role) => ({ id: `u-${role}`, role, via: 'api' as const, businessUnits: [UNIT] })),
    ...[...users].sort().map((id) => ({ id, role: 'employee', via: 'api' as const, businessUnits: [UNIT] })),
    { id: 'u-admin', role: 'admin', via: 'api', businessUnits: '*' },
    { id: 'u-sales', role: 'recruiter', via: 'api', businessUnits: ['sales'] },
  ];
  const fields = Object.entries((spec.context ?? {}) as Record<string, FieldSpec>).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return { fields, actors };
}

/** A deterministic value of a field's type, picked by `seed`. */
export function valueFor(field: FieldSpec, seed: number): unknown {
  switch (field.type) {
    case 'string':
      return field.enum?.length ? field.enum[seed % field.enum.length] : ['eng', 'sales', 'R-7'][seed % 3];
    case 'int':
      return seed % 10;
    case 'double':
      return 50_000 + (seed % 8) * 15_000;
    case 'bool':
      return seed % 2 === 0;
    case 'timestamp':
      return `2026-03-0${1 + (seed % 5)}T14:00:00.000Z`;
    default:
      return ['a', 'b'].slice(0, seed % 3);
  }
}

/** Builds a nested start context from dotted paths, e.g. `compensation.base` → `{ compensation: { base } }`. */
export function nestedContext(entries: [path: string, value: unknown][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = root;
    for (const key of keys) {
      const child = node[key];
      if (typeof child === 'object' && child !== null) node = child as Record<string, unknown>;
      else node = node[key] = {};
    }
    node[last] = value;
  }
  return root;
}
