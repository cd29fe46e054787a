import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../openTempDatabase.ts';
import { seedInstance } from './testFixtures.ts';
import {
  armTimer,
  cancelInstanceTimers,
  cancelTimer,
  deferTimer,
  dueTimers,
  listTimers,
  markTimerFired,
  nextTimerDueAt,
} from './timers.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

const sla = (sendId: string, dueAt: number) => ({
  instanceId: 'i1',
  sendId,
  delayName: `timer:screening:${sendId}`,
  event: { type: `xstate.after.timer:screening:${sendId}.screening` },
  dueAt,
});

describe('durable timers', () => {
  it('returns armed timers due by now, earliest first, and the next due time for the scheduler', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    armTimer(temp.db, sla('late', 3000));
    armTimer(temp.db, sla('early', 1000));
    armTimer(temp.db, sla('future', 9000));
    expect(dueTimers(temp.db, 5000, 10).map((t) => t.sendId)).toEqual(['early', 'late']);
    expect(dueTimers(temp.db, 5000, 1).map((t) => t.sendId)).toEqual(['early']);
    expect(nextTimerDueAt(temp.db)).toBe(1000);
  });

  it('re-arming the same send id replaces the timer instead of adding one', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const first = armTimer(temp.db, sla('sla', 1000));
    markTimerFired(temp.db, first, 1000);
    const again = armTimer(temp.db, sla('sla', 5000));
    expect(again).toBe(first);
    expect(listTimers(temp.db, 'i1')).toMatchObject([
      { id: first, status: 'armed', dueAt: 5000, firedAt: null },
    ]);
  });

  it('fires a timer once: a second markTimerFired reports it was no longer armed', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const id = armTimer(temp.db, sla('sla', 1000));
    expect(markTimerFired(temp.db, id, 1005)).toBe(true);
    expect(markTimerFired(temp.db, id, 1006)).toBe(false);
    expect(dueTimers(temp.db, 10_000, 10)).toEqual([]);
    expect(nextTimerDueAt(temp.db)).toBeUndefined();
  });

  it('cancels by send id (xstate.cancel) and all of an instance at once', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    armTimer(temp.db, sla('a', 1000));
    armTimer(temp.db, sla('b', 1000));
    armTimer(temp.db, sla('c', 1000));
    expect(cancelTimer(temp.db, 'i1', 'a')).toBe(true);
    expect(cancelTimer(temp.db, 'i1', 'a')).toBe(false);
    expect(cancelInstanceTimers(temp.db, 'i1')).toBe(2);
    expect(listTimers(temp.db, 'i1')).toEqual([]);
  });

  it('defers a timer to the end of a suppression window', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const id = armTimer(temp.db, sla('sla', 1000));
    expect(deferTimer(temp.db, id, 8000)).toBe(true);
    expect(dueTimers(temp.db, 5000, 10)).toEqual([]);
    expect(dueTimers(temp.db, 8000, 10)).toMatchObject([{ id, dueAt: 8000, deferredUntil: 8000 }]);
  });

  it('answers the scheduler query from the partial index on armed timers', () => {
    temp = openTempDatabase();
    const plan = temp.db.sqlite
      .prepare(
        "explain query plan select * from timers where status = 'armed' and due_at <= ? order by due_at limit ?",
      )
      .all(0, 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('timers_armed_due');
  });
});
