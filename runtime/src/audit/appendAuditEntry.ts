import { canonicalJson } from '../compiler/canonical.ts';
import { type HireflowDb, preparedFor } from '../store/index.ts';
import { hashAuditEntry, type StoredAuditFields } from './auditDigest.ts';
import { type AuditEntry, GENESIS_HASH, type NewAuditEntry } from './types.ts';

interface ChainHead {
  lastSeq: number;
  headIdx: number | null;
  headHash: string | null;
}

// better-sqlite3 statements: one round trip for the head, one for the insert.
const statements = preparedFor(({ sqlite }) => ({
  head: sqlite.prepare<[string, string], ChainHead>(
    `select coalesce((select seq from sqlite_sequence where name = 'audit_entries'), 0) as lastSeq,
            (select idx from audit_entries where instance_id = ? order by idx desc limit 1) as headIdx,
            (select hash from audit_entries where instance_id = ? order by idx desc limit 1) as headHash`,
  ),
  insert: sqlite.prepare<[StoredAuditFields & { hash: string }]>(
    `insert into audit_entries (seq, instance_id, idx, workflow_id, version_id, at, actor, kind, event,
       from_state, to_state, context_patch, note, prev_hash, hash)
     values (@seq, @instanceId, @idx, @workflowId, @versionId, @at, @actor, @kind, @event,
       @fromState, @toState, @contextPatch, @note, @prevHash, @hash)`,
  ),
}));

/** Canonical JSON text of an optional value; null stays SQL NULL. */
function canonicalOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : canonicalJson(value);
}

/**
 * Appends the next link of the instance's chain. Call it inside the step's transaction
 * (`db.transaction`): it reads the chain head and the global sequence, so two appends must not
 * interleave. The instance row must exist (foreign key).
 * @returns the stored entry with its `seq`, `idx`, `prevHash` and `hash`.
 */
export function appendAuditEntry(db: HireflowDb, entry: NewAuditEntry): AuditEntry {
  const { head, insert } = statements(db);
  const current = head.get(entry.instanceId, entry.instanceId) as ChainHead;
  const stored: StoredAuditFields = {
    seq: current.lastSeq + 1,
    instanceId: entry.instanceId,
    idx: current.headIdx === null ? 0 : current.headIdx + 1,
    workflowId: entry.workflowId,
    versionId: entry.versionId,
    at: entry.at,
    actor: canonicalJson(entry.actor),
    kind: entry.kind,
    event: canonicalJson(entry.event),
    fromState: canonicalOrNull(entry.from),
    toState: canonicalOrNull(entry.to),
    contextPatch: canonicalOrNull(entry.contextPatch),
    note: entry.note ?? null,
    prevHash: current.headHash ?? GENESIS_HASH,
  };
  const hash = hashAuditEntry(stored);
  insert.run({ ...stored, hash });
  // Built from the caller's values rather than by re-parsing the stored texts (this is the hot path).
  return {
    seq: stored.seq,
    instanceId: stored.instanceId,
    idx: stored.idx,
    workflowId: stored.workflowId,
    versionId: stored.versionId,
    at: stored.at,
    actor: entry.actor,
    kind: entry.kind,
    event: entry.event,
    from: entry.from ?? null,
    to: entry.to ?? null,
    contextPatch: entry.contextPatch ?? null,
    note: stored.note,
    prevHash: stored.prevHash,
    hash,
  };
}

/** Parses a stored row into an {@link AuditEntry}. */
export function toAuditEntry(row: StoredAuditFields & { hash: string }): AuditEntry {
  return {
    seq: row.seq,
    instanceId: row.instanceId,
    idx: row.idx,
    workflowId: row.workflowId,
    versionId: row.versionId,
    at: row.at,
    actor: JSON.parse(row.actor),
    kind: row.kind as AuditEntry['kind'],
    event: JSON.parse(row.event),
    from: row.fromState === null ? null : JSON.parse(row.fromState),
    to: row.toState === null ? null : JSON.parse(row.toState),
    contextPatch: row.contextPatch === null ? null : JSON.parse(row.contextPatch),
    note: row.note,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
