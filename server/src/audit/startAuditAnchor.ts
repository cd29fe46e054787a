import { join } from 'node:path';
import { type AuditAnchor, createAuditAnchor, type Engine, loadAuditKey } from '../runtime.ts';

/** The audit settings read from the environment (documented in docs/runtime.md). */
export interface AuditAnchorEnv {
  /** Ed25519 private key: a PEM, or the path of a PEM file. Default `<data dir>/audit-key.pem`, generated. */
  HIREFLOW_AUDIT_KEY?: string | undefined;
  /** Witness directory (append-only head files). Default `<data dir>/witness`. */
  HIREFLOW_AUDIT_WITNESS_DIR?: string | undefined;
  /** A head at least every this many milliseconds while entries arrive (default 1000). */
  HIREFLOW_AUDIT_HEAD_MS?: string | undefined;
  /** ... or every this many entries, whichever comes first (default 1000). */
  HIREFLOW_AUDIT_HEAD_ENTRIES?: string | undefined;
}

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
};

/** Where the anchor reports; the server passes its structured logger. */
export interface AuditAnchorLog {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Loads (or on first start generates) the tree-head signing key, signs a head now, then on the
 * schedule (unless `schedule` is false: a server without background workers), and publishes each to
 * the witness directory. `stop()` signs a last head (shutdown).
 */
export function startAuditAnchor(
  engine: Engine,
  dataDir: string,
  env: AuditAnchorEnv,
  options: { log?: AuditAnchorLog; schedule?: boolean } = {},
): AuditAnchor {
  const log = options.log ?? { warn: console.warn, error: console.error };
  const key = loadAuditKey({
    envValue: env.HIREFLOW_AUDIT_KEY,
    dataDir,
    generate: true,
    warn: (message) => log.warn(message),
  });
  if (!key) throw new Error('audit: no signing key');
  const anchor = createAuditAnchor({
    db: engine.db,
    key,
    witnessDir: env.HIREFLOW_AUDIT_WITNESS_DIR || join(dataDir, 'witness'),
    now: () => engine.clock.now().getTime(),
    onError: (message) => log.error(`audit: tree head not written: ${message}`),
  });
  anchor.writeHead({ force: true });
  if (options.schedule === false) return anchor;
  anchor.start({
    everyMs: positive(env.HIREFLOW_AUDIT_HEAD_MS, 1000, 'HIREFLOW_AUDIT_HEAD_MS'),
    everyEntries: positive(env.HIREFLOW_AUDIT_HEAD_ENTRIES, 1000, 'HIREFLOW_AUDIT_HEAD_ENTRIES'),
  });
  return anchor;
}
