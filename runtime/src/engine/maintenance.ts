import type { HireflowDb } from '../store/index.ts';
import type { Clock } from './clock.ts';

export interface MaintenanceOptions {
  db: HireflowDb;
  clock: Clock;
  /** How often WAL pages are copied into the database (PASSIVE: never blocks the writer). */
  walCheckpointMs?: number;
}

/**
 * Background upkeep off the hot path: the WAL auto-checkpoint is off (it stalled the writer inside
 * commits), so the WAL is checkpointed here on a timer. (Signed audit tree heads: `createAuditAnchor`.)
 */
export function startMaintenance({ db, walCheckpointMs = 1000 }: MaintenanceOptions) {
  const wal = setInterval(() => {
    try {
      db.checkpoint('PASSIVE');
    } catch (error) {
      console.error('maintenance: WAL checkpoint failed', error instanceof Error ? error.message : error);
    }
  }, walCheckpointMs);
  wal.unref();
  return {
    stop() {
      clearInterval(wal);
    },
  };
}
