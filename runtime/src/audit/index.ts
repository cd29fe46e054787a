/**
 * The audit log: per-instance hash chains, an RFC 6962 Merkle tree over all entries, signed tree
 * heads published to a witness outside the database, proofs, and verification. Node-only.
 * The format is specified in docs/audit-format.md.
 */
export { appendAuditEntry, definitionHashOf, toAuditEntry } from './appendAuditEntry.ts';
export { type AnchorSchedule, type AuditAnchor, anchorFor, createAuditAnchor } from './auditAnchor.ts';
export { AUDIT_KEY_FILE, type AuditKey, loadAuditKey, publicKeyFrom } from './auditKey.ts';
export { headLeaf, headsRoot } from './chainCheck.ts';
export { entryHash, entryText, isWellFormedText, type StoredAuditRow, textHash } from './entryText.ts';
export { type ExportHeader, exportBundleLines, exportHead } from './exportBundle.ts';
export {
  consistencyProof,
  inclusionProof,
  leafHash,
  MerkleFrontier,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
export {
  type ChainHeadProof,
  type ConsistencyProof,
  type InclusionProof,
  latestTreeHead,
  leafHashes,
  listStoredHeads,
  proveChainHead,
  proveConsistency,
  proveInclusion,
  treeHeadOfSize,
} from './proofs.ts';
export {
  instancesStartedOn,
  iterateAuditEntries,
  listAuditEntries,
  listAuditEntriesAfter,
} from './readAuditEntries.ts';
export { findRefusedText, textProblem } from './textPolicy.ts';
export {
  type SignedTreeHead,
  signTreeHead,
  type TreeHeadBody,
  treeHeadMessage,
  verifyTreeHeadSignature,
} from './treeHead.ts';
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
  type AnchorReport,
  latestAuditSeq,
  type VerifyFailure,
  type VerifyFailureCode,
  type VerifyOptions,
  type VerifyResult,
  verify,
  verifyInstance,
} from './verify.ts';
export { publishToWitness, readWitnessHeads, WITNESS_FILE } from './witness.ts';
