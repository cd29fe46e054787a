import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file (server/src/config.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the server reads from its environment. */
export interface ServerConfig {
  port: number;
  dataDir: string;
  dbFile: string;
  designerDist: string;
  /** Group commit of instance events (`HIREFLOW_GROUP_COMMIT`, default on; `0` turns it off). */
  groupCommit: boolean;
}

/**
 * Reads `PORT` (8080), `HIREFLOW_DATA_DIR` (`data/` at the repository root) and
 * `HIREFLOW_GROUP_COMMIT` (on unless `0` or `false`).
 */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const raw = env.HIREFLOW_DATA_DIR ?? 'data';
  const dataDir = isAbsolute(raw) ? raw : resolve(env.HIREFLOW_DATA_DIR ? process.cwd() : REPO_ROOT, raw);
  return {
    port,
    dataDir,
    dbFile: join(dataDir, 'hireflow.db'),
    designerDist: join(REPO_ROOT, 'designer', 'dist'),
    groupCommit: !['0', 'false'].includes(env.HIREFLOW_GROUP_COMMIT ?? ''),
  };
}
