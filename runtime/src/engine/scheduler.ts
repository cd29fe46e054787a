import { appendAuditEntry } from '../audit/index.ts';
import { deferForSuppression } from '../calendar/index.ts';
import type { MachineDefinition } from '../compiler/index.ts';
import { evaluateGuard } from '../expr/index.ts';
import { openSnapshot } from '../privacy/openSnapshot.ts';
import { openVault, subjectRefOf } from '../privacy/subjectVault.ts';
import { deferTimer, dueTimers, getInstance, markTimerFired, type TimerRow } from '../store/index.ts';
import { auditActor, TIMER_ACTOR } from './actor.ts';
import { loadVersion } from './definitions.ts';
import type { Engine } from './engine.ts';

/** Suppression windows that apply to this instance at `at` (their `when` holds on its context). */
function suppressingWindows(definition: MachineDefinition, context: Record<string, unknown>, at: Date) {
  const meta = definition.meta.hireflow;
  return meta.suppressionWindows.filter((w) => {
    if (!w.when) return true;
    const verdict = evaluateGuard(w.when, meta.contextSchema, { context, now: at });
    return verdict.ok && verdict.value;
  });
}

/**
 * Fires one due timer through the engine (actor `system:timer`), or defers it to the end of a
 * suppression window (SLA rungs only; deadlines are never deferred) and audits the deferral.
 * Marks the row first, in the same transaction, so a crash can neither lose nor repeat it.
 */
export function fireTimer(engine: Engine, timer: TimerRow): 'fired' | 'deferred' | 'stale' {
  const { db, clock } = engine;
  return db.transaction(() => {
    const row = getInstance(db, timer.instanceId);
    const loaded = row ? loadVersion(db, row.versionId) : undefined;
    if (!row || !loaded || row.status !== 'active') {
      markTimerFired(db, timer.id, clock.now().getTime());
      return 'stale';
    }
    const { definition } = loaded;
    const now = clock.now();
    const meta = definition.meta.hireflow.timers[timer.delayName];
    if (meta?.kind === 'sla') {
      const context = openSnapshot(row, openVault(db, subjectRefOf(row))).context ?? {};
      const deferred = deferForSuppression(
        new Date(timer.dueAt),
        suppressingWindows(definition, context, now),
      );
      if (deferred.deferredBy && deferred.due.getTime() > now.getTime()) {
        deferTimer(db, timer.id, deferred.due.getTime());
        appendAuditEntry(db, {
          instanceId: row.id,
          workflowId: row.workflowId,
          versionId: row.versionId,
          at: now.toISOString(),
          actor: auditActor(TIMER_ACTOR),
          kind: 'deferral',
          event: {
            type: timer.event.type,
            payload: {
              window: deferred.deferredBy,
              until: deferred.due.toISOString(),
              dueAt: new Date(timer.dueAt).toISOString(),
            },
          },
          from: row.stateValue,
          to: row.stateValue,
        });
        return 'deferred';
      }
    }
    markTimerFired(db, timer.id, now.getTime());
    const result = engine.send(row.id, timer.event, { actor: TIMER_ACTOR });
    return result.ok ? 'fired' : 'stale';
  });
}

/**
 * Fires every timer due at the clock's now (up to `limit`) in ONE transaction (one fsync for the
 * batch, like group commit); each timer runs in its own savepoint, so a failing one is rolled back
 * alone, logged, and retried on the next round. Returns how many were handled.
 */
export function fireDueTimers(engine: Engine, limit = 1000, observer: SchedulerObserver = {}): number {
  const due = dueTimers(engine.db, engine.clock.now().getTime(), limit);
  let handled = 0;
  engine.db.transaction(() => {
    for (const timer of due) {
      try {
        const outcome = fireTimer(engine, timer);
        if (outcome === 'fired') observer.onFired?.(engine.clock.now().getTime() - timer.dueAt);
        handled += 1;
      } catch (error) {
        console.error(`scheduler: timer ${timer.id} failed`, error instanceof Error ? error.message : error);
      }
    }
  });
  return handled;
}

/** Hooks for metrics and liveness; the scheduler works the same without them. */
export interface SchedulerObserver {
  /** Once per poll, before looking for due timers (a heartbeat for readiness probes). */
  onTick?(at: number): void;
  /** A timer fired `lateMs` after its due time (a rolled-back batch may report it again on retry). */
  onFired?(lateMs: number): void;
}

/** Polls for due timers; the interval only paces the loop — due times live in the database. */
export function startScheduler(
  engine: Engine,
  intervalMs = 250,
  observer: SchedulerObserver = {},
): { stop(): void } {
  const handle = setInterval(() => {
    try {
      observer.onTick?.(Date.now());
      while (fireDueTimers(engine, 1000, observer) > 0) {}
    } catch (error) {
      console.error('scheduler: timer batch failed', error instanceof Error ? error.message : error);
    }
  }, intervalMs);
  handle.unref();
  return { stop: () => clearInterval(handle) };
}
