import type { ContextField, ContextSchema, JsonValue } from '../model/index.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic cohort everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Realistic values for fields that hiring workflows commonly declare, by the last path segment. */
const KNOWN: Record<string, (random: () => number) => JsonValue> = {
  department: (r) => pick(r, ['Engineering', 'Sales', 'Marketing', 'Finance', 'People', 'Operations']),
  jobFamily: (r) => pick(r, ['software', 'data', 'sales', 'design', 'support', 'finance']),
  level: (r) => 1 + Math.floor(r() * 9),
  base: (r) => Math.round((60_000 + r() * 240_000) / 1000) * 1000,
  bandMax: (r) => Math.round((90_000 + r() * 200_000) / 1000) * 1000,
  isInternalTransfer: (r) => r() < 0.1,
};

function valueFor(path: string, field: ContextField, random: () => number, now: Date): JsonValue {
  if (field.enum && field.enum.length > 0) return pick(random, field.enum);
  const known = KNOWN[path.split('.').at(-1) ?? ''];
  if (known) {
    const value = known(random);
    if (field.type === 'int' && typeof value === 'number') return Math.round(value);
    if (
      (field.type === 'double' && typeof value === 'number') ||
      (field.type === 'string' && typeof value === 'string') ||
      (field.type === 'bool' && typeof value === 'boolean')
    )
      return value;
  }
  switch (field.type) {
    case 'int':
      return Math.floor(random() * 10);
    case 'double':
      return Math.round(random() * 100_000) / 100;
    case 'bool':
      return random() < 0.5;
    case 'timestamp':
      return new Date(now.getTime() - Math.floor(random() * 14) * 86_400_000).toISOString();
    case 'string[]':
      return [pick(random, ['a', 'b', 'c'])];
    default:
      return `${path.split('.').at(-1)}-${Math.floor(random() * 1000)}`;
  }
}

/** A nested context object for one synthetic candidate / requisition, valid for the schema. */
export function syntheticContext(
  schema: ContextSchema,
  random: () => number,
  now: Date,
): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [path, field] of Object.entries(schema)) {
    if (field.pii || path.startsWith('offer.') || path.startsWith('source.')) continue;
    const parts = path.split('.');
    let node = context;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = valueFor(path, field, random, now);
  }
  return context;
}

/** `count` synthetic subjects with stable references (`synthetic-<seed>-<n>`) and contexts. */
export function syntheticSubjects(
  schema: ContextSchema,
  options: { seed: number; count: number; now: Date },
) {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.count }, (_, n) => ({
    externalRef: `synthetic-${options.seed}-${n}`,
    context: syntheticContext(schema, random, options.now),
  }));
}
