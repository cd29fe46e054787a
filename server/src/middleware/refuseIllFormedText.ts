import { formatPath } from '@hireflow/runtime/model';
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/ProblemError.ts';
import { findRefusedText } from '../runtime.ts';

/**
 * Refuses JSON bodies holding text the audit log does not accept (lone surrogates, NUL, Unicode
 * non-characters; see docs/audit-format.md): one 422 VALIDATION problem naming the field, before any
 * route runs. Reads the body as text first, so routes can still read it (raw or parsed). Malformed
 * JSON is left to the route's validator (400). ATS webhooks are exempt: their senders are not ours
 * to refuse, and the engine refuses such text in what reaches an instance.
 */
export function refuseIllFormedText(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method === 'GET' || !type.includes('json') || c.req.path.startsWith('/api/webhooks/'))
      return next();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await c.req.text());
    } catch {
      return next();
    }
    const found = findRefusedText(parsed);
    if (found) {
      const path = formatPath(found.path);
      throw new ProblemError('VALIDATION', `${path || '(body)'}: ${found.message}`, {
        errors: [{ path, message: found.message }],
      });
    }
    return next();
  };
}
