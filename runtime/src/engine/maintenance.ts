import { writeCheckpoint } from '../audit/index.ts';
import type { HireflowDb } from '../store/index.ts';
import type { Clock } from './clock.ts';

export interface MaintenanceOptions {
  db: HireflowDb;
  clock: Clock;
  /** How often WAL pages are copied into the database (PASSIVE: never blocks the writer). */
  walCheckpointMs?: number;
  /** How often a Merkle checkpoint over all chain heads is written to the audit log. */
  auditCheckpointMs?: number;
}

/**
 * Background upkeep off the hot path: the WAL auto-checkpoint is off (it stalled the writer inside
 * commits), so the WAL is checkpointed here on a timer; audit checkpoints are written periodically.
 */
export function startMaintenance({
  db,
  clock,
  walCheckpointMs = 1000,
  auditCheckpointMs = 300_000,
}: MaintenanceOptions) {
  const wal = setInterval(() => {
    try {
      db.checkpoint('PASSIVE');
    } catch (error) {
      console.error('maintenance: WAL checkpoint failed', error instanceof Error ? error.message : error);
    }
  }, walCheckpointMs);
  const audit = setInterval(() => {
    try {
      db.transaction(() => writeCheckpoint(db, clock.now().getTime()));
    } catch (error) {
      console.error('maintenance: audit checkpoint failed', error instanceof Error ? error.message : error);
    }
  }, auditCheckpointMs);
  wal.unref();
  audit.unref();
  return {
    stop() {
      clearInterval(wal);
      clearInterval(audit);
    },
  };
}
