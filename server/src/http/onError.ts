import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { Logger } from '../ops/logger.ts';
import { ProblemError } from './ProblemError.ts';

/** Sends a problem as `application/problem+json` with its status and extra headers. */
export function problemResponse(problem: ProblemError): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      // RFC 9110: a 401 names how to authenticate (API tokens; the designer's cookie is not a scheme).
      ...(problem.status === 401 ? { 'www-authenticate': 'Bearer realm="hireflow"' } : {}),
      ...problem.headers,
    },
  });
}

/**
 * The app's one error mapper. Known refusals keep their code; Hono's own exceptions (body limit,
 * malformed JSON) become 4xx problems; anything else is a 500 whose body says nothing about why —
 * no stack, SQL or secret leaves the process — and whose cause goes to the log.
 */
export function onError(error: Error, c: Context, logger?: Logger): Response {
  if (error instanceof ProblemError) return problemResponse(error);
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
    return problemResponse(new ProblemError(code, code === 'BAD_REQUEST' ? 'Malformed request' : undefined));
  }
  if (error instanceof SyntaxError) return problemResponse(new ProblemError('BAD_REQUEST', 'Malformed JSON'));
  // The route template, not the path: a path can carry ids, a query can carry anything.
  const line = {
    err: error,
    reqId: c.get('requestId') as string | undefined,
    method: c.req.method,
    route: routePath(c),
  };
  if (logger) logger.error(line, 'request failed');
  else console.error(`[hireflow] ${c.req.method} ${line.route} failed:`, error);
  return problemResponse(new ProblemError('INTERNAL'));
}
