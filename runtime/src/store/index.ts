/**
 * The store: SQLite (WAL, synchronous=FULL) through drizzle, behind repository functions so a
 * Postgres store can replace it without touching the engine. Node-only.
 */
export { backupDatabase, integrityProblems, isDatabaseInUse, snapshotDatabase } from './backupDatabase.ts';
export {
  type CheckpointMode,
  DEFAULT_DB_FILE,
  type HireflowDb,
  MIGRATIONS_FOLDER,
  type OpenDatabaseOptions,
  openDatabase,
  type WalCheckpointResult,
} from './openDatabase.ts';
export { openTempDatabase, type TempDatabase } from './openTempDatabase.ts';
export { checkPragmas, DEFAULT_BUSY_TIMEOUT_MS } from './pragmas.ts';
export { preparedFor } from './prepared.ts';
export {
  type ApprovalTaskDecision,
  type ApprovalTaskFilter,
  type ApprovalTaskRow,
  cancelApprovalTasks,
  createApprovalTask,
  decideApprovalTask,
  getApprovalTask,
  listApprovalTasks,
} from './repositories/approvalTasks.ts';
export {
  getIdempotencyRecord,
  type IdempotencyRecord,
  pruneIdempotencyRecords,
  putIdempotencyRecord,
} from './repositories/idempotency.ts';
export {
  type InstanceLinkRow,
  type LinkedInstance,
  linkInstances,
  listLinkedInstances,
} from './repositories/instanceLinks.ts';
export {
  countInstances,
  getInstance,
  type InstanceFilter,
  type InstanceRow,
  type InstanceUpdate,
  insertInstance,
  listInstances,
  type NewInstance,
  repinInstance,
  updateInstanceSnapshot,
} from './repositories/instances.ts';
export {
  claimDueEffects,
  enqueueEffect,
  markEffectDead,
  markEffectDelivered,
  markEffectFailed,
  markEffectUndeliverable,
  type NewEffect,
  type OutboxRow,
} from './repositories/outbox.ts';
export {
  discardEffect,
  type EffectAdminResult,
  type EffectResolution,
  retryEffect,
} from './repositories/outboxAdmin.ts';
export {
  DEFAULT_OUTBOX_RETRY,
  type OutboxRetryPolicy,
  outboxBackoffMs,
} from './repositories/outboxBackoff.ts';
export {
  countEffectsByStatus,
  type EffectFilter,
  type EffectPage,
  effectCursor,
  listEffects,
  parseEffectCursor,
} from './repositories/outboxListing.ts';
export { deleteSubjectKey, getSubjectKey, putSubjectKey } from './repositories/subjectKeys.ts';
export { eraseSubject, getSubject, putSubject, type SubjectRow } from './repositories/subjects.ts';
export {
  armTimer,
  cancelInstanceTimers,
  cancelTimer,
  deferTimer,
  dueTimers,
  listTimers,
  markTimerFired,
  type NewTimer,
  nextTimerDueAt,
  type TimerRow,
} from './repositories/timers.ts';
export {
  getLatestVersion,
  getVersion,
  getVersionByHash,
  insertVersion,
  listVersions,
  type NewVersion,
  toVersionId,
  type VersionRow,
  type VersionSummary,
} from './repositories/versions.ts';
export {
  createWorkflow,
  getWorkflow,
  listWorkflows,
  type NewWorkflow,
  setRouting,
  updateDraft,
  type WorkflowRow,
} from './repositories/workflows.ts';
export { isUniqueViolation, StoreError, type StoreErrorCode } from './StoreError.ts';
export type {
  ApprovalTaskStatus,
  InstanceStateValue,
  InstanceStatus,
  JsonObject,
  OutboxStatus,
  TimerStatus,
  WorkflowRouting,
} from './schema/index.ts';
export * as schema from './schema/index.ts';
export { OUTBOX_STATUSES } from './schema/index.ts';
