import { appendAuditEntry } from '../audit/index.ts';
import type { ErasureReason } from '../model/index.ts';
import {
  deleteSubjectKey,
  eraseSubject,
  getSubject,
  type HireflowDb,
  listInstances,
} from '../store/index.ts';
import { auditActor, type EngineActor } from './actor.ts';
import type { Clock } from './clock.ts';

/** An erasure request: the reason and an optional ticket reference (e.g. `DSR-2026-0042`). */
export interface ErasureRequest {
  reason: ErasureReason;
  /** Letters, digits and `._:-`, at most 100 characters: a case number, never a name. */
  reference?: string | undefined;
}

/** What an erasure did. */
export interface ErasureResult {
  /** False when the subject was unknown or already erased (nothing changed, nothing audited). */
  erased: boolean;
  instances: number;
}

const REFERENCE = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Honors an erasure request in one transaction: deletes the subject's data key (every sealed value
 * about the subject — in snapshots, audit entries, approval comments, exports — becomes unreadable
 * without changing a hashed byte), clears the subject row's PII, drops the idempotency records of the
 * subject's instances (their request hashes were taken over personal values) and appends one
 * `erasure` entry to each of the subject's instances. The caller then scrubs the database file
 * ({@link scrubDatabaseFile}) so freed pages and the WAL keep no copy.
 */
export function eraseSubjectData(
  db: HireflowDb,
  clock: Clock,
  subjectId: string,
  actor: EngineActor,
  request: ErasureRequest = { reason: 'data_subject_request' },
): ErasureResult {
  if (request.reference !== undefined && !REFERENCE.test(request.reference))
    throw new RangeError('reference: letters, digits and ._:- only, at most 100 characters');
  return db.transaction(() => {
    const subject = getSubject(db, subjectId);
    if (!subject || subject.erasedAt !== null) return { erased: false, instances: 0 };
    const now = clock.now();
    eraseSubject(db, subjectId, now.getTime());
    deleteSubjectKey(db, subjectId);
    const rows = listInstances(db, { subjectId, limit: 1_000_000 });
    const forget = db.sqlite.prepare(
      `delete from idempotency_keys where scope = ?
         or (scope like 'start:%' and json_extract(response, '$.instanceId') = ?)`,
    );
    for (const row of rows) {
      forget.run(row.id, row.id);
      appendAuditEntry(db, {
        instanceId: row.id,
        workflowId: row.workflowId,
        versionId: row.versionId,
        at: now.toISOString(),
        actor: auditActor(actor),
        kind: 'erasure',
        event: {
          type: 'SUBJECT.ERASE',
          payload: {
            subjectId,
            reason: request.reason,
            ...(request.reference ? { reference: request.reference } : {}),
          },
        },
        from: row.stateValue,
        to: row.stateValue,
      });
    }
    return { erased: true, instances: rows.length };
  });
}

/**
 * Makes an erasure reach the database file: `secure_delete` zeroes freed cells and pages (it is on
 * for every connection, see pragmas.ts), and a TRUNCATE checkpoint copies the WAL into the file and
 * empties the WAL, so no old page version with the subject's key or PII survives in either file.
 * @returns false when readers kept the checkpoint from finishing (call again when they are done).
 */
export function scrubDatabaseFile(db: HireflowDb): boolean {
  const result = db.checkpoint('TRUNCATE');
  return result.busy === 0;
}
