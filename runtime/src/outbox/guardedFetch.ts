import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import type { Socket } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { checkOutboundAddress, checkOutboundUrl, type OutboundAllowList } from './outboundPolicy.ts';

/** A request refused by the outbound policy (internal address, http without allow, bad URL). */
export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** `dns.lookup` with `all: true`: the resolver the guard checks the answers of. */
export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets that resolves the host and refuses the connection when any address it
 * resolves to is internal and not allowed: the socket connects to exactly the addresses checked here,
 * so a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
function guardedLookup(allow: OutboundAllowList, resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    const all: LookupAllOptions = { ...options, all: true } as LookupAllOptions;
    resolve(hostname, all, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const verdict = checkOutboundAddress(hostname, address, allow);
        if (!verdict.ok) return callback(new OutboundRefusedError(verdict.reason), []);
      }
      const first = addresses[0];
      if (!first) return callback(new OutboundRefusedError(`${hostname} resolves to no address`), []);
      return options.all ? callback(null, addresses) : callback(null, first.address, first.family);
    });
  };
}

/** Options of {@link createGuardedFetch}. */
export interface GuardedFetchOptions {
  allow: OutboundAllowList;
  /** Connect timeout; the request's own `signal` bounds the whole exchange. */
  connectTimeoutMs?: number;
  /** Sockets kept open per origin (keep-alive); default 16. */
  connections?: number;
  /** Name resolution, default `dns.lookup` (tests give hosts names without touching DNS). */
  resolve?: Resolver;
}

/**
 * A `fetch` that only reaches what the outbound policy allows: the URL is checked first (https
 * unless allowed, no internal address literal), every connection resolves through a checking
 * `lookup`, and the address the socket actually connected to is checked again before any byte is
 * sent. Redirects are not followed (a 3xx is returned as is), so a redirect cannot lead inside.
 * Refusals reject like network errors, with an {@link OutboundRefusedError} (as `cause`).
 */
export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const { allow } = options;
  const connect = buildConnector({
    lookup: guardedLookup(allow, options.resolve ?? (dnsLookup as Resolver)),
    timeout: options.connectTimeoutMs ?? 10_000,
  });
  const agent = new Agent({
    connections: options.connections ?? 16,
    connect: (opts, callback) =>
      connect(opts, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error('no socket'), null);
        const address = (socket as Socket).remoteAddress ?? '';
        const verdict = checkOutboundAddress(opts.hostname, address, allow);
        if (verdict.ok) return callback(null, socket);
        socket.destroy();
        return callback(new OutboundRefusedError(verdict.reason), null);
      }),
  });
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (typeof input === 'object' && !(input instanceof URL)) {
      // A Request: carry its method, headers and body over (init still wins, as with fetch).
      const body = input.body ? await input.arrayBuffer() : undefined;
      init = { method: input.method, headers: input.headers, body, signal: input.signal, ...init };
    }
    const verdict = checkOutboundUrl(url, allow);
    if (!verdict.ok) throw new TypeError('fetch failed', { cause: new OutboundRefusedError(verdict.reason) });
    const response = await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      redirect: 'manual',
      dispatcher: agent,
    });
    return response as unknown as Response;
  };
  return guarded as typeof fetch;
}

const CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed (try again)',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_SOCKET: 'connection closed by the other side',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
};

/**
 * A short, stable description of a failed request for `lastError` (e.g. `connection refused
 * (ECONNREFUSED)`, `refused: 10.0.0.5 is a private address…`, `timed out after 10000 ms`). Names
 * no URL path or query, which may hold a token.
 */
export function describeFetchError(error: unknown): string {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof OutboundRefusedError) return `refused: ${e.message}`;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out (${e.message})`;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in CODES) return `${CODES[code]} (${code})`;
  }
  const last = (() => {
    let e: unknown = error;
    while (e instanceof Error && e.cause instanceof Error) e = e.cause;
    return e;
  })();
  return last instanceof Error ? last.message : String(last);
}
