import { appendAuditEntry } from '../audit/index.ts';
import { eraseSubject, type HireflowDb, listInstances } from '../store/index.ts';
import { auditActor, type EngineActor } from './actor.ts';
import type { Clock } from './clock.ts';

/**
 * Honors an erasure request: clears the subject's personal data (the audit log never held any, so no
 * chain breaks) and records one `erasure` entry on every instance about that subject. One transaction.
 */
export function eraseSubjectData(
  db: HireflowDb,
  clock: Clock,
  subjectId: string,
  actor: EngineActor,
): { erased: boolean; instances: number } {
  return db.transaction(() => {
    const now = clock.now();
    const erased = eraseSubject(db, subjectId, now.getTime());
    const rows = listInstances(db, { subjectId, limit: 10_000 });
    for (const row of rows) {
      appendAuditEntry(db, {
        instanceId: row.id,
        workflowId: row.workflowId,
        versionId: row.versionId,
        at: now.toISOString(),
        actor: auditActor(actor),
        kind: 'erasure',
        event: { type: 'SUBJECT.ERASE', payload: { subjectId } },
        from: row.stateValue,
        to: row.stateValue,
      });
    }
    return { erased, instances: rows.length };
  });
}
