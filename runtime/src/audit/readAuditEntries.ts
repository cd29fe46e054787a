import { type HireflowDb, preparedFor } from '../store/index.ts';
import { toAuditEntry } from './appendAuditEntry.ts';
import type { StoredAuditRow } from './entryText.ts';
import type { AuditEntry } from './types.ts';

/** Column list mapping stored names to {@link StoredAuditFields}, shared by every audit read. */
export const AUDIT_COLUMNS = `seq, instance_id as instanceId, idx, workflow_id as workflowId, version_id as versionId,
  at, body, definition_hash as definitionHash, snapshot_hash as snapshotHash, prev_hash as prevHash, hash`;

type Row = StoredAuditRow & { hash: string };

const statements = preparedFor(({ sqlite }) => ({
  ofInstance: sqlite.prepare<[string, number], Row>(
    `select ${AUDIT_COLUMNS} from audit_log where instance_id = ? and idx >= ? order by idx`,
  ),
  afterSeq: sqlite.prepare<[number, number], Row>(
    `select ${AUDIT_COLUMNS} from audit_log where seq > ? order by seq limit ?`,
  ),
}));

/** The instance's entries in chain order (from `fromIdx`, default 0): what replay re-runs. */
export function listAuditEntries(db: HireflowDb, instanceId: string, fromIdx = 0): AuditEntry[] {
  return statements(db).ofInstance.all(instanceId, fromIdx).map(toAuditEntry);
}

/**
 * Ids of the instances of a workflow whose history started on `versionId` (their first entry), in
 * start order: a version's cohort stays the same when some of its instances are migrated later.
 */
export function instancesStartedOn(db: HireflowDb, workflowId: string, versionId: string): string[] {
  return db.sqlite
    .prepare<[string, string], { id: string }>(
      'select instance_id as id from audit_log where idx = 0 and workflow_id = ? and version_id = ? order by seq',
    )
    .all(workflowId, versionId)
    .map((row) => row.id);
}

/** A page of entries of all instances in append order, after `afterSeq` (for export and feeds). */
export function listAuditEntriesAfter(db: HireflowDb, afterSeq: number, limit = 1000): AuditEntry[] {
  return statements(db).afterSeq.all(afterSeq, limit).map(toAuditEntry);
}

/** Streams every entry in append order without loading the log into memory (NDJSON export). */
export function* iterateAuditEntries(db: HireflowDb, afterSeq = 0): Generator<AuditEntry> {
  const statement = db.sqlite.prepare<[number], Row>(
    `select ${AUDIT_COLUMNS} from audit_log where seq > ? order by seq`,
  );
  for (const row of statement.iterate(afterSeq)) yield toAuditEntry(row);
}
