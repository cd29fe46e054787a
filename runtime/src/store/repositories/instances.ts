import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Recipient } from '../../model/index.ts';
import type { HireflowDb } from '../openDatabase.ts';
import { placeholderFor, preparedFor } from '../prepared.ts';
import { type InstanceStateValue, type InstanceStatus, instances, type JsonObject } from '../schema/index.ts';

/** An instance as stored. `stateValue` is parsed; `snapshot` is xstate's persisted snapshot. */
export type InstanceRow = typeof instances.$inferSelect;

/** What {@link insertInstance} needs; revision starts at 0. */
export interface NewInstance {
  id: string;
  workflowId: string;
  versionId: string;
  subjectId?: string | null;
  businessUnit: string;
  environment?: string;
  snapshot: JsonObject;
  stateValue: InstanceStateValue;
  status?: InstanceStatus;
  owner?: Recipient | null;
  /** Epoch milliseconds; also the first `enteredAt`. */
  now: number;
}

/** The columns one engine step rewrites. */
export interface InstanceUpdate {
  snapshot: JsonObject;
  stateValue: InstanceStateValue;
  status: InstanceStatus;
  owner: Recipient | null;
  /** When the current state was entered (unchanged on a self-transition that does not re-enter). */
  enteredAt: number;
  now: number;
}

/** Filters of {@link listInstances}; all optional and combined with AND. */
export interface InstanceFilter {
  workflowId?: string;
  versionId?: string;
  /** One or several business units (an auditor sees several). */
  businessUnits?: string[];
  stateValue?: InstanceStateValue;
  status?: InstanceStatus;
  environment?: string;
  subjectId?: string;
  /** Keyset pagination: only ids after this one. */
  afterId?: string;
  /** Default 100. */
  limit?: number;
}

const placeholder = sql.placeholder;

const statements = preparedFor(({ orm }) => ({
  get: orm
    .select()
    .from(instances)
    .where(eq(instances.id, placeholder('id')))
    .prepare(),
  insert: orm
    .insert(instances)
    .values({
      id: placeholder('id'),
      workflowId: placeholder('workflowId'),
      versionId: placeholder('versionId'),
      subjectId: placeholder('subjectId'),
      businessUnit: placeholder('businessUnit'),
      environment: placeholder('environment'),
      snapshot: placeholder('snapshot'),
      stateValue: placeholder('stateValue'),
      status: placeholder('status'),
      revision: 0,
      owner: placeholder('owner'),
      enteredAt: placeholder('now'),
      startedAt: placeholder('now'),
      updatedAt: placeholder('now'),
    })
    .prepare(),
  update: orm
    .update(instances)
    .set({
      snapshot: placeholderFor('snapshot', instances.snapshot),
      stateValue: placeholderFor('stateValue', instances.stateValue),
      status: placeholderFor('status', instances.status),
      owner: placeholderFor('owner', instances.owner),
      enteredAt: placeholderFor('enteredAt', instances.enteredAt),
      updatedAt: placeholderFor('now', instances.updatedAt),
      revision: sql`${instances.revision} + 1`,
    })
    .where(and(eq(instances.id, placeholder('id')), eq(instances.revision, placeholder('expectedRevision'))))
    .prepare(),
}));

/** Stores a new instance at revision 0. Throws SQLite's constraint error on a duplicate id. */
export function insertInstance(db: HireflowDb, instance: NewInstance): void {
  statements(db).insert.run({
    ...instance,
    subjectId: instance.subjectId ?? null,
    environment: instance.environment ?? 'production',
    status: instance.status ?? 'active',
    owner: instance.owner ?? null,
  });
}

/** The instance, or undefined. */
export function getInstance(db: HireflowDb, id: string): InstanceRow | undefined {
  return statements(db).get.get({ id });
}

/**
 * Writes a step's result if the instance is still at `expectedRevision` and bumps the revision.
 * Returns false, writing nothing, when another step committed first: of two concurrent sends on one
 * instance exactly one wins; the loser re-reads and retries or reports a conflict.
 */
export function updateInstanceSnapshot(
  db: HireflowDb,
  id: string,
  expectedRevision: number,
  update: InstanceUpdate,
): boolean {
  return statements(db).update.run({ ...update, id, expectedRevision }).changes === 1;
}

/**
 * Moves an instance to another version of its workflow (an audited migration), with the snapshot
 * mapped onto that version; same optimistic revision check as {@link updateInstanceSnapshot}.
 */
export function repinInstance(
  db: HireflowDb,
  id: string,
  expectedRevision: number,
  versionId: string,
  update: InstanceUpdate,
): boolean {
  const result = db.orm
    .update(instances)
    .set({
      versionId,
      snapshot: update.snapshot,
      stateValue: update.stateValue,
      status: update.status,
      owner: update.owner,
      enteredAt: update.enteredAt,
      updatedAt: update.now,
      revision: sql`${instances.revision} + 1`,
    })
    .where(and(eq(instances.id, id), eq(instances.revision, expectedRevision)))
    .run();
  return result.changes === 1;
}

/** Instances matching every given filter, ordered by id (keyset-paginated with `afterId`). */
export function listInstances(db: HireflowDb, filter: InstanceFilter = {}): InstanceRow[] {
  const conditions: (SQL | undefined)[] = [
    filter.workflowId === undefined ? undefined : eq(instances.workflowId, filter.workflowId),
    filter.versionId === undefined ? undefined : eq(instances.versionId, filter.versionId),
    filter.businessUnits === undefined ? undefined : inArray(instances.businessUnit, filter.businessUnits),
    filter.stateValue === undefined ? undefined : eq(instances.stateValue, filter.stateValue),
    filter.status === undefined ? undefined : eq(instances.status, filter.status),
    filter.environment === undefined ? undefined : eq(instances.environment, filter.environment),
    filter.subjectId === undefined ? undefined : eq(instances.subjectId, filter.subjectId),
    filter.afterId === undefined ? undefined : gt(instances.id, filter.afterId),
  ];
  return db.orm
    .select()
    .from(instances)
    .where(and(...conditions))
    .orderBy(asc(instances.id))
    .limit(filter.limit ?? 100)
    .all();
}

/**
 * Active instances of a workflow, and how many of them are overdue: a timer of their current state is
 * past due or already fired (an SLA rung escalated) since they entered that state. One query each.
 */
export function countInstances(
  db: HireflowDb,
  workflowId: string,
  now: number,
): { running: number; overdue: number } {
  const running = db.sqlite
    .prepare<[string], { n: number }>(
      "select count(*) as n from instances where workflow_id = ? and status = 'active'",
    )
    .get(workflowId);
  const overdue = db.sqlite
    .prepare<[{ now: number; workflowId: string }], { n: number }>(
      `select count(distinct i.id) as n from instances i join timers t on t.instance_id = i.id
       where i.workflow_id = @workflowId and i.status = 'active'
         and ((t.status = 'armed' and t.due_at <= @now) or (t.status = 'fired' and t.fired_at > i.entered_at))`,
    )
    .get({ now, workflowId });
  return { running: running?.n ?? 0, overdue: overdue?.n ?? 0 };
}
