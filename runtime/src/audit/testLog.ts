import type { HireflowDb } from '../store/index.ts';
import { insertInstance } from '../store/index.ts';
import { seedInstance } from '../store/repositories/testFixtures.ts';
import { appendAuditEntry } from './appendAuditEntry.ts';
import type { AuditEntry } from './types.ts';

/**
 * Fills a log the way the engine would: `instances` instances (i1, i2...), `steps` entries each,
 * appended interleaved so chains are scattered across the table like in production.
 */
export function seedAuditLog(db: HireflowDb, instances: number, steps: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  db.transaction(() => {
    seedInstance(db, 'i1');
    for (let n = 2; n <= instances; n++) {
      insertInstance(db, {
        id: `i${n}`,
        workflowId: 'w',
        versionId: 'w@1',
        businessUnit: 'eng',
        snapshot: {},
        stateValue: 'screening',
        now: 0,
      });
    }
    for (let step = 0; step < steps; step++) {
      for (let n = 1; n <= instances; n++) {
        entries.push(
          appendAuditEntry(db, {
            instanceId: `i${n}`,
            workflowId: 'w',
            versionId: 'w@1',
            at: new Date(Date.UTC(2025, 2, 1, 9, step)).toISOString(),
            actor:
              step === 0
                ? { id: 'u-recruiter', role: 'recruiter', via: 'api' }
                : { id: 'system:timer', role: 'system', via: 'scheduler' },
            kind: step === 0 ? 'start' : 'transition',
            event: { type: step === 0 ? 'xstate.init' : 'ADVANCE', payload: { step } },
            from: step === 0 ? null : `s${step - 1}`,
            to: `s${step}`,
            contextPatch: { score: step },
            note: step === 2 ? 'strong "referral"' : null,
          }),
        );
      }
    }
  });
  return entries;
}
