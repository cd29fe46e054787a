import { type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../compiler/canonical.ts';
import type { AuditKey } from './auditKey.ts';

/** What a tree head states: the log's first `treeSize` entries have `rootHash`, and so on. */
export interface TreeHeadBody {
  version: 'hireflow-sth/1';
  /** Number of entries (seq 1..treeSize) covered. */
  treeSize: number;
  /** RFC 6962 Merkle root over the entry hashes in seq order, hex. */
  rootHash: string;
  /** Number of instances with entries within the tree. */
  headsSize: number;
  /** Merkle root over every instance's last entry `[instanceId, idx, hash]` within the tree, hex. */
  headsRoot: string;
  /** Epoch milliseconds. */
  timestamp: number;
  /** sha256 hex of the signing key's SPKI DER. */
  keyId: string;
}

/** A tree head with its Ed25519 signature (base64) over `canonicalJson(body)`. */
export interface SignedTreeHead extends TreeHeadBody {
  signature: string;
}

/** The signed bytes: canonical JSON of the body fields only. */
export function treeHeadMessage(head: TreeHeadBody): string {
  const { version, treeSize, rootHash, headsSize, headsRoot, timestamp, keyId } = head;
  return canonicalJson({ version, treeSize, rootHash, headsSize, headsRoot, timestamp, keyId });
}

/** Signs a head body with the audit key. */
export function signTreeHead(body: Omit<TreeHeadBody, 'version' | 'keyId'>, key: AuditKey): SignedTreeHead {
  const full: TreeHeadBody = { version: 'hireflow-sth/1', ...body, keyId: key.keyId };
  const signature = sign(null, Buffer.from(treeHeadMessage(full), 'utf8'), key.privateKey).toString('base64');
  return { ...full, signature };
}

/** True when the head's signature is valid under `publicKey`. */
export function verifyTreeHeadSignature(head: SignedTreeHead, publicKey: KeyObject): boolean {
  try {
    return verify(
      null,
      Buffer.from(treeHeadMessage(head), 'utf8'),
      publicKey,
      Buffer.from(head.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
