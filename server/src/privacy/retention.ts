import { z } from '@hono/zod-openapi';
import { lt } from 'drizzle-orm';
import { logAccess } from '../db/accessLog.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { sessions } from '../db/schema.ts';
import {
  type Engine,
  type EngineActor,
  getInstance,
  pruneIdempotencyRecords,
  scrubDatabaseFile,
  toInstanceView,
} from '../runtime.ts';
import { eraseSubject } from './eraseSubject.ts';

const DAY_MS = 86_400_000;

/**
 * Retention rules, as data (env `HIREFLOW_RETENTION`, JSON). Erasing closed candidates is off until
 * `eraseClosedAfterDays` is set; idempotency records (their request hashes cover personal values) go
 * after 7 days and expired sessions right away by default.
 */
export const RetentionPolicy = z.strictObject({
  /** Erase a subject once all its instances ended with one of `eraseOutcomes` this many days ago. */
  eraseClosedAfterDays: z.number().int().positive().nullable().default(null),
  eraseOutcomes: z.array(z.string().min(1)).default(['rejected', 'withdrawn']),
  idempotencyDays: z.number().int().positive().default(7),
  /** Days an expired designer session row is kept (0: pruned at the next run). */
  expiredSessionDays: z.number().int().min(0).default(0),
  /** How often the worker runs. */
  intervalMs: z.number().int().positive().default(3_600_000),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

/** Parses `HIREFLOW_RETENTION` (absent: the defaults); throws naming the bad field. */
export function parseRetentionPolicy(raw: string | undefined): RetentionPolicy {
  let value: unknown = {};
  try {
    if (raw) value = JSON.parse(raw);
  } catch {
    throw new Error('HIREFLOW_RETENTION: not valid JSON');
  }
  const parsed = RetentionPolicy.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`HIREFLOW_RETENTION.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** What one retention run did. */
export interface RetentionReport {
  erasedSubjects: string[];
  idempotencyRecords: number;
  sessions: number;
}

/** The retention worker acts as this system actor in audit entries. */
export const RETENTION_ACTOR: EngineActor = {
  id: 'system:retention',
  role: 'system',
  via: 'system',
  businessUnits: '*',
};

/** Subjects whose every production instance ended with an erasable outcome before `cutoff`. */
function erasableSubjects(engine: Engine, policy: RetentionPolicy, now: number): string[] {
  if (policy.eraseClosedAfterDays === null) return [];
  const cutoff = now - policy.eraseClosedAfterDays * DAY_MS;
  const rows = engine.db.sqlite
    .prepare(
      `select i.id, i.subject_id as subjectId from instances i join subjects s on s.id = i.subject_id
        where s.erased_at is null and i.environment = 'production'
          and i.subject_id in (select subject_id from instances where status = 'done' and updated_at < ?)`,
    )
    .all(cutoff) as { id: string; subjectId: string }[];
  const verdict = new Map<string, boolean>();
  for (const { id, subjectId } of rows) {
    const row = getInstance(engine.db, id);
    const view = row?.status === 'done' ? toInstanceView(engine.db, row, now) : undefined;
    const ok =
      row !== undefined &&
      view !== undefined &&
      row.updatedAt < cutoff &&
      view.outcome !== undefined &&
      policy.eraseOutcomes.includes(view.outcome);
    verdict.set(subjectId, (verdict.get(subjectId) ?? true) && ok);
  }
  return [...verdict].filter(([, ok]) => ok).map(([id]) => id);
}

/**
 * One retention run at `now`: erases qualifying subjects (audited on their instances with reason
 * `retention_policy`), prunes idempotency records and expired sessions, records the run in the access
 * log (counts only) and scrubs the database file when anything was deleted.
 */
export function runRetention(
  engine: Engine,
  store: ServerStore,
  policy: RetentionPolicy,
  now: number,
): RetentionReport {
  const erasedSubjects = erasableSubjects(engine, policy, now).filter(
    (id) => eraseSubject(engine, store, id, RETENTION_ACTOR, { reason: 'retention_policy' }).erased,
  );
  const idempotencyRecords = pruneIdempotencyRecords(engine.db, now - policy.idempotencyDays * DAY_MS);
  const expired = now - policy.expiredSessionDays * DAY_MS;
  const sessionCount = store.orm.delete(sessions).where(lt(sessions.expiresAt, expired)).run().changes;
  const report = { erasedSubjects, idempotencyRecords, sessions: sessionCount };
  if (erasedSubjects.length + idempotencyRecords + sessionCount > 0) {
    logAccess(store, {
      userId: RETENTION_ACTOR.id,
      action: 'retention.run',
      target: `subjects:${erasedSubjects.length},idempotency:${idempotencyRecords},sessions:${sessionCount}`,
      now,
    });
    scrubDatabaseFile(engine.db);
  }
  return report;
}

/** Runs {@link runRetention} every `policy.intervalMs` on the engine's clock (first run at start). */
export function startRetention(engine: Engine, store: ServerStore, policy: RetentionPolicy) {
  const tick = () => {
    try {
      runRetention(engine, store, policy, engine.clock.now().getTime());
    } catch (error) {
      console.error('retention: run failed', error instanceof Error ? error.message : error);
    }
  };
  tick();
  const timer = setInterval(tick, policy.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
