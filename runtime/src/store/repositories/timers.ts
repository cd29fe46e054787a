import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { placeholderFor, preparedFor } from '../prepared.ts';
import { timers } from '../schema/index.ts';

// Read on every instance view (the API answers each event with one): prepared once per database.
const listByInstance = preparedFor(({ orm }) =>
  orm
    .select()
    .from(timers)
    .where(eq(timers.instanceId, sql.placeholder('instanceId')))
    .orderBy(asc(timers.dueAt))
    .prepare(),
);

/** A durable timer as stored. */
export type TimerRow = typeof timers.$inferSelect;

/** What {@link armTimer} needs. `dueAt` is epoch milliseconds, already in business time. */
export interface NewTimer {
  id?: string;
  instanceId: string;
  sendId: string;
  delayName: string;
  event: TimerRow['event'];
  dueAt: number;
}

const placeholder = sql.placeholder;

const statements = preparedFor(({ orm }) => ({
  arm: orm
    .insert(timers)
    .values({
      id: placeholder('id'),
      instanceId: placeholder('instanceId'),
      sendId: placeholder('sendId'),
      delayName: placeholder('delayName'),
      event: placeholder('event'),
      dueAt: placeholder('dueAt'),
      status: 'armed',
    })
    .onConflictDoUpdate({
      target: [timers.instanceId, timers.sendId],
      set: {
        delayName: placeholderFor('delayName', timers.delayName),
        event: placeholderFor('event', timers.event),
        dueAt: placeholderFor('dueAt', timers.dueAt),
        status: 'armed',
        deferredUntil: null,
        firedAt: null,
      },
    })
    .returning({ id: timers.id })
    .prepare(),
  cancel: orm
    .delete(timers)
    .where(and(eq(timers.instanceId, placeholder('instanceId')), eq(timers.sendId, placeholder('sendId'))))
    .prepare(),
  // The literal `status = 'armed'` (not a parameter) lets SQLite use the partial index timers_armed_due.
  due: orm
    .select()
    .from(timers)
    .where(sql`${timers.status} = 'armed' and ${timers.dueAt} <= ${placeholder('now')}`)
    .orderBy(asc(timers.dueAt))
    .limit(placeholder('limit'))
    .prepare(),
  next: orm
    .select({ dueAt: timers.dueAt })
    .from(timers)
    .where(sql`${timers.status} = 'armed'`)
    .orderBy(asc(timers.dueAt))
    .limit(1)
    .prepare(),
  fire: orm
    .update(timers)
    .set({ status: 'fired', firedAt: placeholderFor('now', timers.firedAt) })
    .where(and(eq(timers.id, placeholder('id')), eq(timers.status, 'armed')))
    .prepare(),
}));

/**
 * Arms (or re-arms) the instance's timer for xstate send id `sendId`: re-entering a state re-raises
 * the same id, which replaces the earlier row instead of adding a second one.
 * @returns the timer's id.
 */
export function armTimer(db: HireflowDb, timer: NewTimer): string {
  const row = statements(db).arm.get({ ...timer, id: timer.id ?? randomUUID() });
  // RETURNING always yields the inserted or updated row.
  return (row as { id: string }).id;
}

/** Deletes the timer `xstate.cancel` names; returns false when there was none. */
export function cancelTimer(db: HireflowDb, instanceId: string, sendId: string): boolean {
  return statements(db).cancel.run({ instanceId, sendId }).changes === 1;
}

/** Deletes every armed timer of an instance (it finished or migrated); returns how many. */
export function cancelInstanceTimers(db: HireflowDb, instanceId: string): number {
  return db.orm
    .delete(timers)
    .where(and(eq(timers.instanceId, instanceId), eq(timers.status, 'armed')))
    .run().changes;
}

/** Armed timers due at or before `now`, earliest first. */
export function dueTimers(db: HireflowDb, now: number, limit: number): TimerRow[] {
  return statements(db).due.all({ now, limit });
}

/** Due time of the earliest armed timer, so the scheduler can sleep until then. */
export function nextTimerDueAt(db: HireflowDb): number | undefined {
  return statements(db).next.get()?.dueAt;
}

/** Marks an armed timer fired (in the transaction of the step it triggered); false if not armed. */
export function markTimerFired(db: HireflowDb, id: string, now: number): boolean {
  return statements(db).fire.run({ id, now }).changes === 1;
}

/** Pushes an armed timer to `until` (a suppression window's end); the caller audits the deferral. */
export function deferTimer(db: HireflowDb, id: string, until: number): boolean {
  return (
    db.orm
      .update(timers)
      .set({ dueAt: until, deferredUntil: until })
      .where(and(eq(timers.id, id), eq(timers.status, 'armed')))
      .run().changes === 1
  );
}

/** The instance's timers (any status), earliest due first. */
export function listTimers(db: HireflowDb, instanceId: string): TimerRow[] {
  return listByInstance(db).all({ instanceId });
}
