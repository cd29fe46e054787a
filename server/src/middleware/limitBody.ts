import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../http/ProblemError.ts';

/**
 * Refuses bodies over `maxBytes` with 413, whether announced by Content-Length or streamed in chunks
 * (Hono's body-limit counts the bytes as they arrive).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes`);
    },
  });
}
