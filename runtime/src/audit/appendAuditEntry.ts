import { canonicalJson } from '../compiler/canonical.ts';
import { type HireflowDb, preparedFor } from '../store/index.ts';
import { entryHash, entryText, isWellFormedText, type StoredAuditRow, textHash } from './entryText.ts';
import { type AuditEntry, GENESIS_HASH, type NewAuditEntry } from './types.ts';

interface ChainHead {
  lastSeq: number;
  headIdx: number | null;
  headHash: string | null;
  snapshot: string | null;
}

// better-sqlite3 statements: one round trip for the head (and the snapshot it commits to), one insert.
const statements = preparedFor(({ sqlite }) => ({
  head: sqlite.prepare<[string, string, string], ChainHead>(
    `select coalesce((select seq from sqlite_sequence where name = 'audit_log'), 0) as lastSeq,
            (select idx from audit_log where instance_id = ? order by idx desc limit 1) as headIdx,
            (select hash from audit_log where instance_id = ? order by idx desc limit 1) as headHash,
            (select snapshot from instances where id = ?) as snapshot`,
  ),
  definition: sqlite.prepare<[string], { definition: string }>(
    'select definition from versions where id = ?',
  ),
  insert: sqlite.prepare<[StoredAuditRow & { hash: string }]>(
    `insert into audit_log (seq, instance_id, idx, workflow_id, version_id, at, body, definition_hash,
       snapshot_hash, prev_hash, hash)
     values (@seq, @instanceId, @idx, @workflowId, @versionId, @at, @body, @definitionHash,
       @snapshotHash, @prevHash, @hash)`,
  ),
}));

/** Versions are immutable: their definition hashes are computed once per database and process. */
const definitionHashes = new WeakMap<HireflowDb, Map<string, string | null>>();

/** sha256 hex of the version's stored definition text; null when there is no such version. */
export function definitionHashOf(db: HireflowDb, versionId: string): string | null {
  let byId = definitionHashes.get(db);
  if (!byId) {
    byId = new Map();
    definitionHashes.set(db, byId);
  }
  let known = byId.get(versionId);
  if (known === undefined) {
    const row = statements(db).definition.get(versionId);
    known = row ? textHash(row.definition) : null;
    if (row) byId.set(versionId, known);
  }
  return known;
}

/**
 * Appends the next link of the instance's chain. Call it inside the step's transaction
 * (`db.transaction`) after the instance's snapshot was written: the entry commits to the stored
 * snapshot and to the stored definition of its version. It reads the chain head and the global
 * sequence, so two appends must not interleave. The instance row must exist (foreign key).
 * @returns the stored entry with its `seq`, `idx`, `prevHash` and `hash`.
 * @throws TypeError when an id or time is not well-formed text (callers validate input before).
 */
export function appendAuditEntry(db: HireflowDb, entry: NewAuditEntry): AuditEntry {
  const { head, insert } = statements(db);
  for (const text of [entry.instanceId, entry.workflowId, entry.versionId, entry.at]) {
    if (!isWellFormedText(text))
      throw new TypeError('appendAuditEntry: ids and times must be well-formed text');
  }
  const current = head.get(entry.instanceId, entry.instanceId, entry.instanceId) as ChainHead;
  const { instanceId, workflowId, versionId, at, ...content } = entry;
  const details = {
    ...content,
    from: entry.from ?? null,
    to: entry.to ?? null,
    contextPatch: entry.contextPatch ?? null,
    note: entry.note ?? null,
  };
  const stored: StoredAuditRow = {
    seq: current.lastSeq + 1,
    instanceId,
    idx: current.headIdx === null ? 0 : current.headIdx + 1,
    workflowId,
    versionId,
    at,
    // JSON.stringify (under canonicalJson) escapes lone surrogates: the body is always well-formed.
    body: canonicalJson(details),
    definitionHash: definitionHashOf(db, versionId),
    snapshotHash: current.snapshot === null ? null : textHash(current.snapshot),
    prevHash: current.headHash ?? GENESIS_HASH,
  };
  const hash = entryHash(entryText(stored));
  insert.run({ ...stored, hash });
  // Built from the caller's values rather than by re-parsing the stored texts (this is the hot path).
  return {
    ...details,
    seq: stored.seq,
    instanceId,
    idx: stored.idx,
    workflowId,
    versionId,
    at,
    definitionHash: stored.definitionHash,
    snapshotHash: stored.snapshotHash,
    prevHash: stored.prevHash,
    hash,
  };
}

/** Parses a stored row into an {@link AuditEntry}. */
export function toAuditEntry(row: StoredAuditRow & { hash: string }): AuditEntry {
  return {
    ...(JSON.parse(row.body) as Pick<
      AuditEntry,
      'actor' | 'kind' | 'event' | 'from' | 'to' | 'contextPatch' | 'note'
    >),
    seq: row.seq,
    instanceId: row.instanceId,
    idx: row.idx,
    workflowId: row.workflowId,
    versionId: row.versionId,
    at: row.at,
    definitionHash: row.definitionHash,
    snapshotHash: row.snapshotHash,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
