import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, from this file (server/src/config.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['1', 'true', 'on', 'yes'].includes(v)));

/**
 * Every environment variable the server reads, in one schema: the README's configuration table is
 * this list. Unknown variables are ignored (the process environment holds many others).
 */
export const ServerEnv = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HIREFLOW_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  HIREFLOW_TRUST_PROXY: z
    .string()
    .regex(/^(|true|false|[0-9])$/, 'must be true, false, or the number of trusted proxy hops (0-9)')
    .optional()
    .transform((v) => (v === undefined || v === '' || v === 'false' ? 0 : v === 'true' ? 1 : Number(v))),
  HIREFLOW_DATA_DIR: z.string().min(1).optional(),
  HIREFLOW_GROUP_COMMIT: flag(true),
  HIREFLOW_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HIREFLOW_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  HIREFLOW_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  HIREFLOW_ADMIN_EMAIL: z.email().optional(),
  HIREFLOW_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
});
/** The parsed, typed environment. */
export type ServerEnv = z.infer<typeof ServerEnv>;

/** What the server reads from its environment, resolved (paths absolute, defaults applied). */
export interface ServerConfig {
  host: string;
  port: number;
  publicUrl: string | undefined;
  /**
   * Reverse proxies in front of the server (0 = none): the client address then comes from
   * `X-Forwarded-For` and the scheme from `X-Forwarded-Proto`.
   */
  trustProxyHops: number;
  dataDir: string;
  dbFile: string;
  designerDist: string;
  /** Group commit of instance events (`HIREFLOW_GROUP_COMMIT`, default on; `0` turns it off). */
  groupCommit: boolean;
  logLevel: ServerEnv['HIREFLOW_LOG_LEVEL'];
  metricsToken: string | undefined;
  shutdownTimeoutMs: number;
  admin: { HIREFLOW_ADMIN_EMAIL?: string; HIREFLOW_ADMIN_PASSWORD?: string };
}

/** A bad environment: `issues` name each variable and what is wrong with it. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against {@link ServerEnv} and resolves it.
 *
 * @throws ConfigError naming every bad variable (the server prints it and exits 1).
 */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const raw = e.HIREFLOW_DATA_DIR ?? 'data';
  const dataDir = isAbsolute(raw) ? raw : resolve(e.HIREFLOW_DATA_DIR ? process.cwd() : REPO_ROOT, raw);
  return {
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.HIREFLOW_PUBLIC_URL,
    trustProxyHops: e.HIREFLOW_TRUST_PROXY,
    dataDir,
    dbFile: join(dataDir, 'hireflow.db'),
    designerDist: join(REPO_ROOT, 'designer', 'dist'),
    groupCommit: e.HIREFLOW_GROUP_COMMIT,
    logLevel: e.HIREFLOW_LOG_LEVEL,
    metricsToken: e.HIREFLOW_METRICS_TOKEN,
    shutdownTimeoutMs: e.HIREFLOW_SHUTDOWN_TIMEOUT_MS,
    admin: {
      ...(e.HIREFLOW_ADMIN_EMAIL ? { HIREFLOW_ADMIN_EMAIL: e.HIREFLOW_ADMIN_EMAIL } : {}),
      ...(e.HIREFLOW_ADMIN_PASSWORD ? { HIREFLOW_ADMIN_PASSWORD: e.HIREFLOW_ADMIN_PASSWORD } : {}),
    },
  };
}
