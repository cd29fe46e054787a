import { hash } from 'node:crypto';

/**
 * An audit row as stored (format 2): position, commitments, and `body`, the canonical JSON text of
 * what happened. The entry text — the bytes that are hashed — is assembled from these stored texts
 * verbatim, so verifying needs no JSON parsing or re-canonicalisation.
 */
export interface StoredAuditRow {
  seq: number;
  instanceId: string;
  idx: number;
  workflowId: string;
  versionId: string;
  at: string;
  body: string;
  definitionHash: string | null;
  snapshotHash: string | null;
  prevHash: string;
}

const str = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

/**
 * The entry text: canonical JSON (keys in code-unit order, no whitespace) of
 * `{at, body, definitionHash, idx, instanceId, prevHash, seq, snapshotHash, versionId, workflowId}`
 * with `body` spliced in as the JSON value it is. Well-formed UTF-16 by construction: every string is
 * written by `JSON.stringify`, which escapes lone surrogates, so its UTF-8 bytes are exactly what
 * SQLite stores and reads back.
 */
export function entryText(row: StoredAuditRow): string {
  return (
    `{"at":${JSON.stringify(row.at)},"body":${row.body},"definitionHash":${str(row.definitionHash)}` +
    `,"idx":${row.idx},"instanceId":${JSON.stringify(row.instanceId)},"prevHash":${JSON.stringify(row.prevHash)}` +
    `,"seq":${row.seq},"snapshotHash":${str(row.snapshotHash)},"versionId":${JSON.stringify(row.versionId)}` +
    `,"workflowId":${JSON.stringify(row.workflowId)}}`
  );
}

/**
 * The entry hash: sha256(0x00 ‖ UTF-8(entry text)), hex — the RFC 6962 leaf hash of the entry, so
 * the chain hash and the Merkle leaf are one computation. (U+0000 encodes as the single byte 0x00.)
 */
export function entryHash(text: string): string {
  // One-shot crypto.hash: about 3x faster than createHash() for inputs this small (verify's hot loop).
  return hash('sha256', `\u0000${text}`, 'hex');
}

/** sha256 hex of stored text (definitions, snapshots): the commitments entries carry. */
export function textHash(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Lone surrogates cannot be stored as UTF-8; such text is refused before it reaches the log. */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` is well-formed UTF-16 (no lone surrogate). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
