import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address. Without trusted proxies (`trustedHops` 0) it is the socket's peer and
 * `X-Forwarded-For` is ignored (anyone can send it). Behind `trustedHops` reverse proxies each proxy
 * appends the address it saw, so the client is the `trustedHops`-th entry from the right: the
 * rightmost hop no trusted proxy vouches for. Entries left of it are whatever the client claimed.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const peer = socketAddress(c);
  if (trustedHops <= 0) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  return hops.at(-trustedHops) ?? hops[0] ?? peer;
}

/**
 * Did the client reach us over HTTPS? The request URL says so directly; behind trusted proxies the
 * nearest proxy's `X-Forwarded-Proto` does (the rightmost value, like the address).
 */
export function isHttpsRequest(c: Context, trustedHops: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (trustedHops <= 0) return false;
  const protos = (c.req.header('x-forwarded-proto') ?? '').split(',').map((p) => p.trim().toLowerCase());
  return protos.at(-1) === 'https';
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // `app.request()` in tests has no socket: all such calls share one bucket.
    return 'local';
  }
}
