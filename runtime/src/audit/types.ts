import type { JsonValue } from '../model/index.ts';
import type { InstanceStateValue, JsonObject } from '../store/index.ts';

/** What an audit entry records. */
export const AUDIT_KINDS = [
  'start',
  'transition',
  'refused',
  'timer',
  'deferral',
  'approval',
  'override',
  'migration',
  'erasure',
  'effect',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Who acted: a pseudonymous user or system id, the role they acted in, and the channel. */
export interface AuditActor {
  id: string;
  role: string;
  /** e.g. `api`, `ui`, `cli`, `webhook:greenhouse`, `scheduler`. */
  via: string;
}

/** The event as the engine received it (no PII: subjects are referenced by pseudonymous id). */
export interface AuditEvent {
  type: string;
  payload?: JsonValue;
}

/** One link of an instance's hash chain. */
export interface AuditEntry {
  /** Global append order across all instances. */
  seq: number;
  instanceId: string;
  /** Position in the instance's chain: 0, 1, 2... without gaps. */
  idx: number;
  workflowId: string;
  versionId: string;
  /** ISO-8601 UTC, the time the engine stamped on the event. */
  at: string;
  actor: AuditActor;
  kind: AuditKind;
  event: AuditEvent;
  from: InstanceStateValue | null;
  to: InstanceStateValue | null;
  contextPatch: JsonObject | null;
  note: string | null;
  /** sha256 hex of the version's stored definition text (null when the version row is absent). */
  definitionHash: string | null;
  /** sha256 hex of the instance's stored snapshot text right after this entry. */
  snapshotHash: string | null;
  /** Hash of the previous entry of this instance; {@link GENESIS_HASH} for idx 0. */
  prevHash: string;
  /** sha256(0x00 ‖ entry text), hex: the entry's RFC 6962 leaf hash (docs/audit-format.md). */
  hash: string;
}

/** What the engine hands to `appendAuditEntry`; position and hashes are computed there. */
export type NewAuditEntry = Omit<
  AuditEntry,
  | 'seq'
  | 'idx'
  | 'prevHash'
  | 'hash'
  | 'from'
  | 'to'
  | 'contextPatch'
  | 'note'
  | 'definitionHash'
  | 'snapshotHash'
> & {
  from?: InstanceStateValue | null;
  to?: InstanceStateValue | null;
  contextPatch?: JsonObject | null;
  note?: string | null;
};

/** prevHash of every chain's first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
