/**
 * Which outbound URLs and addresses Hireflow may reach (SSRF protection). Pure: the engine checks
 * webhook URLs at publish time with it, the guarded fetch checks every connection with it.
 */
import { type Cidr, cidrContains, formatIp, internalRangeOf, parseCidr, parseIp } from './ipRanges.ts';

/** Hosts and address blocks an admin allowed despite being internal (`HIREFLOW_OUTBOUND_ALLOW`). */
export interface OutboundAllowList {
  /** Lower-case host names; a host listed here may resolve to anything and may use http. */
  hosts: readonly string[];
  /** Address blocks (a single address is a /32 or /128). */
  cidrs: readonly Cidr[];
}

/** The empty allow-list: nothing internal, https only. */
export const NO_OUTBOUND_ALLOW: OutboundAllowList = { hosts: [], cidrs: [] };

/** A verdict with the reason in words an admin understands. */
export type OutboundVerdict = { ok: true } | { ok: false; reason: string };

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/;

/**
 * Parses `HIREFLOW_OUTBOUND_ALLOW`: comma-separated host names, addresses or CIDR blocks, e.g.
 * `localhost,10.1.0.0/16,hooks.internal`. Throws a `RangeError` naming the first bad entry.
 */
export function parseOutboundAllow(text: string | undefined): OutboundAllowList {
  const hosts: string[] = [];
  const cidrs: Cidr[] = [];
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const cidr = parseCidr(entry);
    if (cidr) cidrs.push(cidr);
    else if (HOST_NAME.test(entry)) hosts.push(entry.replace(/\.$/, ''));
    else
      throw new RangeError(
        `HIREFLOW_OUTBOUND_ALLOW: "${raw.trim()}" is neither a host name nor an address or CIDR block`,
      );
  }
  return { hosts, cidrs };
}

const bare = (host: string) =>
  host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** Whether `host` (a name or an address literal) is listed, by name or inside an allowed block. */
export function isHostAllowed(host: string, allow: OutboundAllowList): boolean {
  const name = bare(host);
  if (allow.hosts.includes(name)) return true;
  const ip = parseIp(name);
  return ip !== undefined && allow.cidrs.some((c) => cidrContains(c, ip));
}

/**
 * Whether a connection to `address` (what DNS gave for `host`) is allowed: a public address, an
 * allowed host name, or an address inside an allowed block.
 */
export function checkOutboundAddress(
  host: string,
  address: string,
  allow: OutboundAllowList,
): OutboundVerdict {
  const ip = parseIp(address);
  if (!ip) return { ok: false, reason: `"${address}" is not an IP address` };
  if (isHostAllowed(host, allow) || allow.cidrs.some((c) => cidrContains(c, ip))) return { ok: true };
  const internal = internalRangeOf(ip);
  if (!internal) return { ok: true };
  const via = bare(host) === formatIp(ip) || parseIp(bare(host)) ? '' : ` that ${bare(host)} resolves to`;
  return {
    ok: false,
    reason: `${address} is an internal address (${internal})${via}; add the host or address to HIREFLOW_OUTBOUND_ALLOW to allow it`,
  };
}

/**
 * Checks a URL before any request: http(s) only, https unless the host is allowed, no credentials in
 * the URL, and an address literal or `localhost` must not be internal unless allowed. Host names are
 * checked again against the addresses they resolve to when connecting.
 */
export function checkOutboundUrl(url: string, allow: OutboundAllowList): OutboundVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  const host = bare(parsed.hostname);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { ok: false, reason: `${parsed.protocol} URLs are not allowed; use https` };
  if (parsed.username || parsed.password)
    return { ok: false, reason: 'credentials in the URL are not allowed' };
  const allowed = isHostAllowed(host, allow);
  if (parsed.protocol === 'http:' && !allowed)
    return { ok: false, reason: `use https (http is only allowed for hosts in HIREFLOW_OUTBOUND_ALLOW)` };
  if (allowed) return { ok: true };
  if (host === 'localhost' || host.endsWith('.localhost'))
    return { ok: false, reason: `${host} is a loopback host; add it to HIREFLOW_OUTBOUND_ALLOW to allow it` };
  return parseIp(host) ? checkOutboundAddress(host, host, allow) : { ok: true };
}
