/**
 * The audit log: per-instance hash chains, Merkle checkpoints over all chain heads, and verification.
 * Node-only (node:crypto, the store).
 */
export { appendAuditEntry, toAuditEntry } from './appendAuditEntry.ts';
export { auditDigestInput, hashAuditEntry, type StoredAuditFields } from './auditDigest.ts';
export { merkleLeafHash, merkleRoot } from './merkleRoot.ts';
export {
  instancesStartedOn,
  iterateAuditEntries,
  listAuditEntries,
  listAuditEntriesAfter,
} from './readAuditEntries.ts';
export {
  AUDIT_KINDS,
  type AuditActor,
  type AuditEntry,
  type AuditEvent,
  type AuditKind,
  GENESIS_HASH,
  type NewAuditEntry,
} from './types.ts';
export {
  latestAuditSeq,
  type VerifyFailure,
  type VerifyFailureCode,
  type VerifyResult,
  verify,
  verifyInstance,
} from './verify.ts';
export {
  type AuditCheckpoint,
  type ChainHead,
  headLeaf,
  latestCheckpoint,
  listChainHeads,
  writeCheckpoint,
} from './writeCheckpoint.ts';
