/**
 * IP address parsing and the internal ranges outbound requests must not reach. Pure (no Node
 * built-ins), so the compiler and the designer can use it too.
 */

/** An address as 4 (IPv4) or 16 (IPv6) bytes. */
export interface IpAddress {
  version: 4 | 6;
  bytes: number[];
}

/** An address block: `bits` leading bits of `base` are fixed. */
export interface Cidr {
  base: IpAddress;
  bits: number;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

function parseIpv6(input: string): number[] | undefined {
  let text = input.replace(/%.*$/, ''); // zone id (fe80::1%eth0) does not change the address
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes = all.flatMap((g) => {
    const n = Number.parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Parses an IPv4 or IPv6 literal (brackets allowed); undefined for a host name. */
export function parseIp(text: string): IpAddress | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseIpv4(bare);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = bare.includes(':') ? parseIpv6(bare) : undefined;
  return v6 ? { version: 6, bytes: v6 } : undefined;
}

/** Parses `10.0.0.0/8`, `fd00::/8` or a single address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [addr = '', bitsText, extra] = text.split('/');
  const base = parseIp(addr);
  if (!base || extra !== undefined) return undefined;
  const max = base.version === 4 ? 32 : 128;
  const bits = bitsText === undefined ? max : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : Number.NaN;
  return bits >= 0 && bits <= max ? { base, bits } : undefined;
}

/** Whether `ip` lies in `cidr` (an IPv4 block never contains an IPv6 address, and vice versa). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.base.version !== ip.version) return false;
  for (let bit = 0; bit < cidr.bits; bit += 8) {
    const i = bit / 8;
    const width = Math.min(8, cidr.bits - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if (((cidr.base.bytes[i] ?? 0) & mask) !== ((ip.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

const range = (cidr: string, label: string) => ({ cidr: parseCidr(cidr) as Cidr, label });

/** Ranges no outbound request may reach unless allowed, with the words an admin reads. */
const INTERNAL_RANGES = [
  range('0.0.0.0/8', 'unspecified ("this network")'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'carrier-grade NAT'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local (includes cloud metadata 169.254.169.254)'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'IETF protocol assignments'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'benchmarking'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved or broadcast'),
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('fc00::/7', 'private (unique local)'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local'),
  range('ff00::/8', 'multicast'),
  range('100::/64', 'discard-only'),
];

/** IPv6 forms that carry an IPv4 address, which is what is really reached. */
const EMBEDDING = [
  { cidr: parseCidr('::ffff:0:0/96') as Cidr, at: 12 }, // IPv4-mapped
  { cidr: parseCidr('::/96') as Cidr, at: 12 }, // IPv4-compatible (deprecated)
  { cidr: parseCidr('64:ff9b::/96') as Cidr, at: 12 }, // NAT64
  { cidr: parseCidr('2002::/16') as Cidr, at: 2 }, // 6to4
];

/** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address. */
export function embeddedIpv4(ip: IpAddress): IpAddress | undefined {
  if (ip.version !== 6) return undefined;
  const form = EMBEDDING.find((e) => cidrContains(e.cidr, ip));
  if (!form || ip.bytes.slice(0, 16).every((b, i) => (i < 15 ? b === 0 : b <= 1))) return undefined;
  return { version: 4, bytes: ip.bytes.slice(form.at, form.at + 4) };
}

/**
 * Why `ip` is internal (e.g. `loopback`), or undefined for a public address. IPv6 forms that embed an
 * IPv4 address are judged by that address.
 */
export function internalRangeOf(ip: IpAddress): string | undefined {
  const inner = embeddedIpv4(ip);
  if (inner) return internalRangeOf(inner);
  return INTERNAL_RANGES.find((r) => cidrContains(r.cidr, ip))?.label;
}

/** The address as text (IPv6 uncompressed is fine for messages). */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}
