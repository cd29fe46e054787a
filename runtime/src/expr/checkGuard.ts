import type { ContextSchema } from '../model/index.ts';
import { celEnvironmentFor } from './celEnvironment.ts';
import { type CelNode, estimateGuardCost, GUARD_COST_LIMIT } from './guardCost.ts';
import { schemaSizes } from './guardSizes.ts';

/** Where in the expression a problem is (0-based offsets into the guard text). */
export interface GuardPosition {
  start: number;
  end: number;
}

export type GuardCheck =
  | { ok: true }
  | { ok: false; kind: 'syntax' | 'type' | 'cost'; message: string; position?: GuardPosition | undefined };

interface CelErrorLike {
  name?: string;
  message?: string;
  node?: { start?: number; end?: number; pos?: number };
}

/** The first line of a CEL library message, without the code excerpt it appends. */
function firstLine(message: string | undefined): string {
  return (message ?? 'invalid expression').split('\n')[0]?.trim() ?? 'invalid expression';
}

function positionOf(error: CelErrorLike): GuardPosition | undefined {
  const node = error.node;
  if (!node) return undefined;
  const start = node.start ?? node.pos;
  if (start === undefined) return undefined;
  return { start, end: Math.max(node.end ?? start, start) };
}

const NUMERIC_MIX = /no such overload: (int|double|uint) \S+ (int|double|uint)/;

/** CEL never converts numbers implicitly; say how to write the comparison instead. */
function withHint(message: string): string {
  const mix = NUMERIC_MIX.exec(message);
  if (!mix || mix[1] === mix[2]) return message;
  return `${message} (CEL does not mix ${mix[1]} and ${mix[2]}: write 1.0 instead of 1, or convert with double(x) / int(x))`;
}

/** The position of the first optional construct (`optional.*`, `.?`, `[?]`), if any. */
function findOptional(node: CelNode): GuardPosition | undefined {
  const here = node as CelNode & { start?: number; end?: number };
  if ((node.op === 'id' && node.args === 'optional') || node.op === '.?' || node.op === '[]?') {
    return here.start === undefined ? undefined : { start: here.start, end: here.end ?? here.start };
  }
  const kids: unknown[] = Array.isArray(node.args) ? node.args.flat() : [node.args];
  for (const kid of kids) {
    if (typeof kid === 'object' && kid !== null && 'op' in kid) {
      const found = findOptional(kid as CelNode);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Parses and type-checks a guard against the context schema. The guard must be boolean, must not use
 * optionals (the evaluator has them off), and its cost bound must stay under {@link GUARD_COST_LIMIT}.
 * Returns data, never throws: the compiler turns failures into diagnostics.
 */
export function checkGuard(expression: string, schema: ContextSchema): GuardCheck {
  const env = celEnvironmentFor(schema);
  let result: { valid: boolean; type?: string; error?: CelErrorLike };
  try {
    result = env.check(expression) as typeof result;
  } catch (error) {
    const e = error as CelErrorLike;
    return { ok: false, kind: 'syntax', message: firstLine(e.message), position: positionOf(e) };
  }
  if (!result.valid) {
    const e = result.error ?? {};
    const kind = e.name === 'ParseError' ? 'syntax' : 'type';
    return { ok: false, kind, message: withHint(firstLine(e.message)), position: positionOf(e) };
  }
  const ast = env.parse(expression).ast as unknown as CelNode;
  const optional = findOptional(ast);
  if (optional !== undefined) {
    // The checker accepts optionals but the evaluator has them switched off: refuse them here.
    return {
      ok: false,
      kind: 'type',
      message:
        'optional values (optional.of, .?field) are not supported in conditions; use has(field) instead',
      position: optional,
    };
  }
  const cost = estimateGuardCost(ast, schemaSizes(schema));
  if (cost > GUARD_COST_LIMIT) {
    return {
      ok: false,
      kind: 'cost',
      message: `it could take too long to evaluate (estimated cost ${cost}, limit ${GUARD_COST_LIMIT}): each list macro (all, exists, map, filter) inside another multiplies the work; lists of unknown size count as 100 items`,
    };
  }
  if (result.type !== 'bool' && result.type !== 'dyn') {
    return {
      ok: false,
      kind: 'type',
      message: `the condition must be true or false, but it gives a ${result.type}`,
    };
  }
  return { ok: true };
}
