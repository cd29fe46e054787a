import { formatPath } from '@hireflow/runtime/model';
import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { type FieldError, ProblemError } from './ProblemError.ts';

/** zod issues as problem field errors; unknown keys are named one per field. */
export function toFieldErrors(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: join(prefix, join(base, key)), message: 'unknown field' }));
    }
    return [{ path: join(prefix, base), message: issue.message }];
  });
}

function join(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return b.startsWith('[') ? `${a}${b}` : `${a}.${b}`;
}

/**
 * The hook every route's validators share: a failed body, query or param becomes one 422
 * `VALIDATION` problem whose `errors` name the fields (`query.limit`, `body.spec`...).
 */
// biome-ignore lint/suspicious/noExplicitAny: Hook is generic over every route's input types.
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const where = result.target === 'json' ? '' : result.target;
  const errors = toFieldErrors(result.error as ZodError, where);
  const detail = errors.map((error) => `${error.path || '(body)'}: ${error.message}`).join('; ');
  throw new ProblemError('VALIDATION', detail, { errors });
};
