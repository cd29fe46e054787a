/**
 * MERGE SHIM for h1's `runtime/src/outbox/outboundPolicy.ts` (`checkOutboundUrl(url, allow)`,
 * `createGuardedFetch`). Same names and call shape; at merge, replace this file's body with
 * re-exports from `@hireflow/runtime` and delete the local checks. Until then it refuses non-https,
 * and loopback / private / link-local / metadata addresses (literal or resolved) unless allowed.
 * It checks the resolved address before connecting, not the address actually connected to — h1's
 * guard does that.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** The answer of {@link checkOutboundUrl}. */
export type OutboundCheck = { ok: true; url: URL } | { ok: false; reason: string };

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

const isAllowed = (host: string, allow: readonly string[]) =>
  allow.some((entry) => entry === host || entry === `${host}` || entry === '*');

const isInternal = (address: string) => {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  return mapped ? internal.check(mapped, 'ipv4') : internal.check(address, family);
};

/** Checks a URL an effect would be sent to; `allow` lists hosts exempt from the internal-range rule. */
export async function checkOutboundUrl(url: string, allow: readonly string[]): Promise<OutboundCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const allowed = isAllowed(host, allow) || isAllowed(parsed.host, allow);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && allowed))
    return { ok: false, reason: 'only https URLs are allowed (HIREFLOW_OUTBOUND_ALLOW lists exceptions)' };
  if (allowed) return { ok: true, url: parsed };
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return { ok: false, reason: `cannot resolve ${host}` };
  }
  if (addresses.some(isInternal))
    return { ok: false, reason: `${host} is an internal address (HIREFLOW_OUTBOUND_ALLOW lists exceptions)` };
  return { ok: true, url: parsed };
}

/** A `fetch` that checks every URL with {@link checkOutboundUrl} first and refuses redirects. */
export function createGuardedFetch(allow: readonly string[], base: typeof fetch = fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const check = await checkOutboundUrl(url, allow);
    if (!check.ok) throw new Error(`outbound URL refused: ${check.reason}`);
    return base(input, { ...init, redirect: 'manual' });
  }) as typeof fetch;
}
