import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../openTempDatabase.ts';
import {
  cancelApprovalTasks,
  createApprovalTask,
  decideApprovalTask,
  getApprovalTask,
  listApprovalTasks,
} from './approvalTasks.ts';
import { seedInstance } from './testFixtures.ts';

let temp: TempDatabase;
afterEach(() => temp.dispose());

const task = (stepId: string, approver: { role: string } | { user: string }) => ({
  instanceId: 'i1',
  stateId: 'offer_approval',
  stepId,
  approver,
  now: 1000,
});

describe('approval tasks', () => {
  it('records one decision per open task, with actor, comment and time', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const id = createApprovalTask(temp.db, task('finance', { role: 'hrbp' }));
    const decision = { decision: 'approve', decidedBy: 'u-7', comment: 'within band', now: 2000 } as const;
    expect(decideApprovalTask(temp.db, id, decision)).toBe(true);
    expect(decideApprovalTask(temp.db, id, { ...decision, decision: 'reject' })).toBe(false);
    expect(getApprovalTask(temp.db, id)).toMatchObject({
      status: 'approved',
      decision: 'approve',
      decidedBy: 'u-7',
      comment: 'within band',
      decidedAt: 2000,
    });
  });

  it("lists an approver's inbox: tasks for the user, one of their roles, or delegated to them", () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const forRole = createApprovalTask(temp.db, task('finance', { role: 'hrbp' }));
    const forUser = createApprovalTask(temp.db, task('vp', { user: 'u-vp' }));
    const delegated = createApprovalTask(temp.db, task('legal', { user: 'u-legal' }));
    decideApprovalTask(temp.db, delegated, {
      decision: 'delegate',
      decidedBy: 'u-legal',
      delegatedTo: 'u-vp',
      now: 1500,
    });
    createApprovalTask(temp.db, task('ceo', { role: 'admin' }));
    const inbox = (userId: string, roles: string[]) =>
      listApprovalTasks(temp.db, { assignee: { userId, roles } })
        .map((t) => t.id)
        .sort();
    expect(inbox('u-vp', [])).toEqual([forUser, delegated].sort());
    expect(inbox('u-x', ['hrbp', 'recruiter'])).toEqual([forRole]);
    expect(listApprovalTasks(temp.db, { stepId: 'legal' })).toMatchObject([
      { status: 'delegated', delegatedTo: 'u-vp' },
    ]);
  });

  it('cancels the open tasks of a step when the chain moves on, leaving decided ones alone', () => {
    temp = openTempDatabase();
    seedInstance(temp.db);
    const decided = createApprovalTask(temp.db, task('finance', { role: 'hrbp' }));
    createApprovalTask(temp.db, task('finance', { user: 'u-2' }));
    createApprovalTask(temp.db, task('vp', { user: 'u-vp' }));
    decideApprovalTask(temp.db, decided, { decision: 'approve', decidedBy: 'u-1', now: 1100 });
    expect(
      cancelApprovalTasks(temp.db, {
        instanceId: 'i1',
        stateId: 'offer_approval',
        stepId: 'finance',
        now: 1200,
      }),
    ).toBe(1);
    expect(listApprovalTasks(temp.db, { status: 'open' }).map((t) => t.stepId)).toEqual(['vp']);
    expect(getApprovalTask(temp.db, decided)?.status).toBe('approved');
  });
});
