import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../http/ProblemError.ts';

/**
 * Refuses bodies over `maxBytes` with 413, whether announced by Content-Length or streamed in chunks
 * (Hono's body-limit counts the bytes as they arrive).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ProblemError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes`);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return (c, next) => {
    // Only a chunked body needs counting. Everything else is judged from its headers alone: touching
    // `c.req.raw.body` would make @hono/node-server build a full web Request and stream for every
    // request, and its fast JSON path would be lost (measured in bench/events.bench.ts).
    if (c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    const length = c.req.header('content-length');
    if (length !== undefined && Number.parseInt(length, 10) > maxBytes) return tooLarge();
    // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (RFC 9112 §6.3).
    return next();
  };
}
