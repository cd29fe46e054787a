import { hash } from 'node:crypto';

/**
 * An audit row as stored: scalars plus canonical JSON texts. Verification hashes these stored bytes
 * directly, so it needs no JSON round trip per row.
 */
export interface StoredAuditFields {
  seq: number;
  instanceId: string;
  idx: number;
  workflowId: string;
  versionId: string;
  at: string;
  /** Canonical JSON texts. */
  actor: string;
  kind: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  contextPatch: string | null;
  note: string | null;
  prevHash: string;
}

/**
 * `canonicalJson(entry without hash)`, assembled from the stored texts with the keys in canonical
 * (sorted) order and absent values as `null`. Equal to `canonicalJson` of the parsed entry (tested),
 * provided the JSON texts are canonical, which `appendAuditEntry` guarantees.
 */
export function auditDigestInput(row: StoredAuditFields): string {
  return (
    `{"actor":${row.actor},"at":${JSON.stringify(row.at)},"contextPatch":${row.contextPatch ?? 'null'}` +
    `,"event":${row.event},"from":${row.fromState ?? 'null'},"idx":${row.idx}` +
    `,"instanceId":${JSON.stringify(row.instanceId)},"kind":${JSON.stringify(row.kind)}` +
    `,"note":${row.note === null ? 'null' : JSON.stringify(row.note)},"prevHash":${JSON.stringify(row.prevHash)}` +
    `,"seq":${row.seq},"to":${row.toState ?? 'null'},"versionId":${JSON.stringify(row.versionId)}` +
    `,"workflowId":${JSON.stringify(row.workflowId)}}`
  );
}

/** The entry hash: sha256(prevHash ‖ canonical entry), hex. */
export function hashAuditEntry(row: StoredAuditFields): string {
  // One-shot crypto.hash: about 3x faster than createHash() for inputs this small (verify's hot loop).
  return hash('sha256', row.prevHash + auditDigestInput(row), 'hex');
}
