import type { ParseResult } from '@marcbachmann/cel-js';
import type { ContextSchema } from '../model/index.ts';
import { celEnvironmentFor } from './celEnvironment.ts';
import { type CelNode, estimateGuardCost, GUARD_RUNTIME_BUDGET, hasListMacro } from './guardCost.ts';
import { valueSizes } from './guardSizes.ts';

export type GuardVerdict = { ok: true; value: boolean } | { ok: false; error: string };

/** Inputs a guard sees: the instance context, the event payload and the event's time. */
export interface GuardInput {
  context: Record<string, unknown>;
  payload?: Record<string, unknown> | undefined;
  now: Date;
}

/** A parsed guard and whether it walks lists (only those need the run-time budget). */
interface ParsedGuard {
  run: ParseResult;
  ast: CelNode;
  iterates: boolean;
}

const compiled = new WeakMap<ContextSchema, Map<string, ParsedGuard>>();

function parsed(expression: string, schema: ContextSchema): ParsedGuard {
  let bySchema = compiled.get(schema);
  if (!bySchema) {
    bySchema = new Map();
    compiled.set(schema, bySchema);
  }
  let fn = bySchema.get(expression);
  if (!fn) {
    const run = celEnvironmentFor(schema).parse(expression);
    const ast = run.ast as unknown as CelNode;
    fn = { run, ast, iterates: hasListMacro(ast) };
    bySchema.set(expression, fn);
  }
  return fn;
}

/** Converts JSON context values into CEL values: int fields become bigint, timestamps Date. */
export function toCelValues(
  context: Record<string, unknown>,
  schema: ContextSchema,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (!key.startsWith('$')) out[key] = value;
  }
  for (const [path, field] of Object.entries(schema)) {
    if (field.type !== 'int' && field.type !== 'timestamp' && field.type !== 'double') continue;
    const parts = path.split('.');
    let node: Record<string, unknown> | undefined = out;
    for (const part of parts.slice(0, -1)) {
      const next: unknown = node?.[part];
      if (typeof next !== 'object' || next === null) {
        node = undefined;
        break;
      }
      const copy = { ...(next as Record<string, unknown>) };
      node[part] = copy;
      node = copy;
    }
    const leaf = parts[parts.length - 1];
    if (!node || leaf === undefined || !(leaf in node)) continue;
    const value = node[leaf];
    if (field.type === 'int' && typeof value === 'number' && Number.isInteger(value))
      node[leaf] = BigInt(value);
    if (field.type === 'double' && typeof value === 'number') node[leaf] = value;
    if (field.type === 'timestamp' && typeof value === 'string') node[leaf] = new Date(value);
  }
  return out;
}

/**
 * Evaluates a guard. A guard that walks lists is first bounded with the actual list sizes and denied
 * without evaluation over {@link GUARD_RUNTIME_BUDGET}. Any evaluation error (a missing field, a wrong type at run time) is returned as
 * data so the engine can deny the transition with the reason.
 */
export function evaluateGuard(expression: string, schema: ContextSchema, input: GuardInput): GuardVerdict {
  try {
    const values = toCelValues(input.context, schema);
    values.event = input.payload ?? {};
    values.now = input.now;
    const guard = parsed(expression, schema);
    if (guard.iterates) {
      // Bound the work before doing it: evaluation is synchronous and cannot be interrupted.
      const cost = estimateGuardCost(guard.ast, valueSizes(values));
      if (cost > GUARD_RUNTIME_BUDGET)
        return {
          ok: false,
          error: `the condition would take too long to evaluate on this data (cost ${cost}, budget ${GUARD_RUNTIME_BUDGET})`,
        };
    }
    const value = guard.run(values);
    if (typeof value !== 'boolean')
      return { ok: false, error: `the condition gave ${String(value)}, not true or false` };
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.split('\n')[0] ?? message };
  }
}
