import { Environment } from '@marcbachmann/cel-js';
import type { ContextSchema, FieldType } from '../model/index.ts';

const CEL_TYPES: Record<FieldType, string> = {
  string: 'string',
  int: 'int',
  double: 'double',
  bool: 'bool',
  timestamp: 'google.protobuf.Timestamp',
  'string[]': 'list<string>',
};

type SchemaTree = { [key: string]: string | SchemaTree };

/** Turns dotted field paths into the nested schema the CEL library expects. */
function toSchemaTree(schema: ContextSchema): SchemaTree {
  const root: SchemaTree = {};
  for (const [path, field] of Object.entries(schema)) {
    const parts = path.split('.');
    let node = root;
    parts.slice(0, -1).forEach((part) => {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else {
        const created: SchemaTree = {};
        node[part] = created;
        node = created;
      }
    });
    const leaf = parts[parts.length - 1];
    if (leaf !== undefined) node[leaf] = CEL_TYPES[field.type];
  }
  return root;
}

const cache = new WeakMap<ContextSchema, Environment>();

/**
 * A CEL environment in which every context field is a typed variable, plus `event` (the event's
 * payload, dynamic) and `now` (the event's time). Cached per schema object.
 */
export function celEnvironmentFor(schema: ContextSchema): Environment {
  const cached = cache.get(schema);
  if (cached) return cached;
  const env = new Environment({ homogeneousAggregateLiterals: false });
  for (const [name, type] of Object.entries(toSchemaTree(schema))) {
    if (typeof type === 'string') env.registerVariable(name, type);
    else env.registerVariable({ name, schema: type });
  }
  env.registerVariable('event', 'map');
  env.registerVariable('now', 'google.protobuf.Timestamp');
  cache.set(schema, env);
  return env;
}

/** Names guards can use: the top-level context variables plus `event` and `now`. */
export function celVariableNames(schema: ContextSchema): string[] {
  return [...Object.keys(toSchemaTree(schema)), 'event', 'now'];
}
