import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Ed25519 key that signs tree heads. It never lives in the database. */
export interface AuditKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI DER, base64: what exports and witness files carry. */
  publicKeyBase64: string;
  /** sha256 hex of the SPKI DER. */
  keyId: string;
  /** Where the key came from: the env value, a file path, or the generated default. */
  source: 'env' | 'file' | 'generated';
}

/** File name of the generated key inside the data directory. */
export const AUDIT_KEY_FILE = 'audit-key.pem';

function fromPrivate(privateKey: KeyObject, source: AuditKey['source']): AuditKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('HIREFLOW_AUDIT_KEY must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyBase64: der.toString('base64'),
    keyId: createHash('sha256').update(der).digest('hex'),
    source,
  };
}

/**
 * Loads the signing key: `HIREFLOW_AUDIT_KEY` (a PEM, or the path of a PEM file), else
 * `<dataDir>/audit-key.pem`; when neither exists and `generate` is set, generates one there (mode
 * 0600) and calls `warn` — back that file up apart from the database, or use HIREFLOW_AUDIT_KEY.
 * @returns undefined when there is no key and `generate` is false (e.g. the CLI's verify).
 */
export function loadAuditKey(options: {
  envValue?: string | undefined;
  dataDir: string;
  generate: boolean;
  warn?: (message: string) => void;
}): AuditKey | undefined {
  const value = options.envValue?.trim();
  if (value) {
    const pem = value.startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
    return fromPrivate(createPrivateKey(pem), value.startsWith('-----BEGIN') ? 'env' : 'file');
  }
  const file = join(options.dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) return fromPrivate(createPrivateKey(readFileSync(file, 'utf8')), 'file');
  if (!options.generate) return undefined;
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  options.warn?.(
    `audit: generated a tree-head signing key at ${file}; keep a copy apart from the database or set HIREFLOW_AUDIT_KEY`,
  );
  return fromPrivate(privateKey, 'generated');
}

/** A public key from SPKI DER base64 (as in exports and witness files) or PEM. */
export function publicKeyFrom(text: string): KeyObject {
  return text.includes('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
}
