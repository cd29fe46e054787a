import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Recipient } from '../../model/index.ts';
import type { HireflowDb } from '../openDatabase.ts';
import { preparedFor } from '../prepared.ts';
import { type ApprovalTaskStatus, approvalTasks } from '../schema/index.ts';

/** An approval task as stored. */
export type ApprovalTaskRow = typeof approvalTasks.$inferSelect;

/** A decision on an open task; `delegatedTo` is required for `delegate`. */
export interface ApprovalTaskDecision {
  decision: 'approve' | 'reject' | 'delegate';
  decidedBy: string;
  comment?: string | null;
  delegatedTo?: string | null;
  now: number;
}

/** Filters of {@link listApprovalTasks}, combined with AND. */
export interface ApprovalTaskFilter {
  instanceId?: string;
  stateId?: string;
  stepId?: string;
  status?: ApprovalTaskStatus;
  /** Tasks addressed to this user or to one of `roles` (an approver's inbox). */
  assignee?: { userId: string; roles: string[] };
  limit?: number;
}

const STATUS_OF_DECISION = { approve: 'approved', reject: 'rejected', delegate: 'delegated' } as const;

/** Opens a task for one approver of one step; returns its id. */
export function createApprovalTask(
  db: HireflowDb,
  task: {
    id?: string;
    instanceId: string;
    stateId: string;
    stepId: string;
    approver: Recipient;
    now: number;
  },
): string {
  const id = task.id ?? randomUUID();
  db.orm
    .insert(approvalTasks)
    .values({
      id,
      instanceId: task.instanceId,
      stateId: task.stateId,
      stepId: task.stepId,
      approver: task.approver,
      createdAt: task.now,
    })
    .run();
  return id;
}

/** The task, or undefined. */
export function getApprovalTask(db: HireflowDb, id: string): ApprovalTaskRow | undefined {
  return db.orm.select().from(approvalTasks).where(eq(approvalTasks.id, id)).get();
}

/** Records a decision on an open task; false when the task is not open (decided twice, canceled). */
export function decideApprovalTask(db: HireflowDb, id: string, decision: ApprovalTaskDecision): boolean {
  const result = db.orm
    .update(approvalTasks)
    .set({
      status: STATUS_OF_DECISION[decision.decision],
      decision: decision.decision,
      decidedBy: decision.decidedBy,
      comment: decision.comment ?? null,
      delegatedTo: decision.delegatedTo ?? null,
      decidedAt: decision.now,
    })
    .where(and(eq(approvalTasks.id, id), eq(approvalTasks.status, 'open')))
    .run();
  return result.changes === 1;
}

/** Cancels the open tasks of a step (or of every step of the state); returns how many. */
export function cancelApprovalTasks(
  db: HireflowDb,
  scope: { instanceId: string; stateId: string; stepId?: string; now: number },
): number {
  const conditions = [
    eq(approvalTasks.instanceId, scope.instanceId),
    eq(approvalTasks.stateId, scope.stateId),
    eq(approvalTasks.status, 'open'),
    scope.stepId === undefined ? undefined : eq(approvalTasks.stepId, scope.stepId),
  ];
  return db.orm
    .update(approvalTasks)
    .set({ status: 'canceled', decidedAt: scope.now })
    .where(and(...conditions))
    .run().changes;
}

// An instance's tasks are read on every instance view: that common shape is prepared once per database.
const byInstance = preparedFor(({ orm }) =>
  orm
    .select()
    .from(approvalTasks)
    .where(eq(approvalTasks.instanceId, sql.placeholder('instanceId')))
    .orderBy(asc(approvalTasks.createdAt), asc(approvalTasks.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** Tasks matching the filter, oldest first. */
export function listApprovalTasks(db: HireflowDb, filter: ApprovalTaskFilter = {}): ApprovalTaskRow[] {
  const onlyInstance =
    filter.instanceId !== undefined && Object.keys(filter).every((k) => k === 'instanceId' || k === 'limit');
  if (onlyInstance) return byInstance(db).all({ instanceId: filter.instanceId, limit: filter.limit ?? 100 });
  const conditions: (SQL | undefined)[] = [
    filter.instanceId === undefined ? undefined : eq(approvalTasks.instanceId, filter.instanceId),
    filter.stateId === undefined ? undefined : eq(approvalTasks.stateId, filter.stateId),
    filter.stepId === undefined ? undefined : eq(approvalTasks.stepId, filter.stepId),
    filter.status === undefined ? undefined : eq(approvalTasks.status, filter.status),
    filter.assignee === undefined ? undefined : addressedTo(filter.assignee),
  ];
  return db.orm
    .select()
    .from(approvalTasks)
    .where(and(...conditions))
    .orderBy(asc(approvalTasks.createdAt), asc(approvalTasks.id))
    .limit(filter.limit ?? 100)
    .all();
}

/** Tasks whose approver is the user, one of the roles, or delegated to the user. */
function addressedTo(assignee: { userId: string; roles: string[] }): SQL {
  const byRole =
    assignee.roles.length === 0
      ? sql`0`
      : inArray(sql`json_extract(${approvalTasks.approver}, '$.role')`, assignee.roles);
  return sql`(json_extract(${approvalTasks.approver}, '$.user') = ${assignee.userId} or ${byRole} or ${approvalTasks.delegatedTo} = ${assignee.userId})`;
}
