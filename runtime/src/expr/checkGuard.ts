import type { ContextSchema } from '../model/index.ts';
import { celEnvironmentFor } from './celEnvironment.ts';

/** Where in the expression a problem is (0-based offsets into the guard text). */
export interface GuardPosition {
  start: number;
  end: number;
}

export type GuardCheck =
  | { ok: true }
  | { ok: false; kind: 'syntax' | 'type'; message: string; position?: GuardPosition | undefined };

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

/**
 * Parses and type-checks a guard against the context schema. The guard must be boolean.
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
    return { ok: false, kind, message: firstLine(e.message), position: positionOf(e) };
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
