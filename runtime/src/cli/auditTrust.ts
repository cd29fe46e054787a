import { dirname, join, resolve } from 'node:path';
import { type AuditKey, loadAuditKey } from '../audit/index.ts';
import { DEFAULT_DB_FILE } from '../store/index.ts';
import type { CommandInput } from './cliCommand.ts';

/**
 * The audit trust anchors beside the `--db` file, as the server uses them: the signing key
 * (`HIREFLOW_AUDIT_KEY`, else `<data dir>/audit-key.pem`; never generated here) and the witness
 * directory (`HIREFLOW_AUDIT_WITNESS_DIR`, else `<data dir>/witness`).
 */
export function cliAuditTrust(input: CommandInput): { key: AuditKey | undefined; witnessDir: string } {
  const file = resolve(input.io.cwd, typeof input.values.db === 'string' ? input.values.db : DEFAULT_DB_FILE);
  const dataDir = dirname(file);
  return {
    key: loadAuditKey({ envValue: process.env.HIREFLOW_AUDIT_KEY, dataDir, generate: false }),
    witnessDir: process.env.HIREFLOW_AUDIT_WITNESS_DIR || join(dataDir, 'witness'),
  };
}
