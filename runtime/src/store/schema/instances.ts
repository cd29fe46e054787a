import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { JsonValue, Recipient } from '../../model/index.ts';
import { canonicalJsonText } from './canonicalText.ts';
import { type JsonObject, subjects, versions, workflows } from './catalog.ts';

/** xstate's snapshot status, mirrored in a column so lists can filter without parsing snapshots. */
export type InstanceStatus = 'active' | 'done' | 'error' | 'stopped';

/** One running workflow (an application, a requisition, an offer...), pinned to a version. */
export const instances = sqliteTable(
  'instances',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    subjectId: text('subject_id').references(() => subjects.id),
    businessUnit: text('business_unit').notNull(),
    /** `production` or a sandbox name. */
    environment: text('environment').notNull().default('production'),
    /** xstate's persisted snapshot (`actor.getPersistedSnapshot()`), the source of truth for the state. */
    snapshot: text('snapshot', { mode: 'json' }).$type<JsonObject>().notNull(),
    /** Canonical JSON of the state value, so lists can filter by state with an index. */
    stateValue: canonicalJsonText('state_value').notNull(),
    status: text('status').$type<InstanceStatus>().notNull().default('active'),
    /** Bumped by every committed step; a write names the revision it read (optimistic concurrency). */
    revision: integer('revision').notNull().default(0),
    owner: text('owner_json', { mode: 'json' }).$type<Recipient>(),
    /** When the current state was entered: business-time timers count from here. */
    enteredAt: integer('entered_at').notNull(),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('instances_workflow_state').on(t.workflowId, t.stateValue),
    index('instances_business_unit_state').on(t.businessUnit, t.stateValue),
    index('instances_subject').on(t.subjectId),
  ],
);

/** What a timer row is doing: waiting, fired by the scheduler, or canceled by a state exit. */
export type TimerStatus = 'armed' | 'fired' | 'canceled';

/** Durable timers: xstate's delayed raises, stored with their business-time due time. */
export const timers = sqliteTable(
  'timers',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    /** xstate's send id of the delayed raise; `xstate.cancel` names the same id. */
    sendId: text('send_id').notNull(),
    delayName: text('delay_name').notNull(),
    /** The event to send when due (usually `xstate.after.<delay>.<stateNodeId>`). */
    event: text('event', { mode: 'json' }).$type<{ type: string; [key: string]: JsonValue }>().notNull(),
    /** Epoch milliseconds. */
    dueAt: integer('due_at').notNull(),
    status: text('status').$type<TimerStatus>().notNull().default('armed'),
    /** Set when a suppression window pushed the due time out (the deferral is audited). */
    deferredUntil: integer('deferred_until'),
    firedAt: integer('fired_at'),
  },
  (t) => [
    uniqueIndex('timers_instance_send').on(t.instanceId, t.sendId),
    // The scheduler's only query: armed timers by due time. Partial, so fired rows cost nothing.
    index('timers_armed_due').on(t.dueAt).where(sql`status = 'armed'`),
  ],
);

/** Life of an approval task: open until decided, delegated, or canceled by a state exit. */
export type ApprovalTaskStatus = 'open' | 'approved' | 'rejected' | 'delegated' | 'canceled';

/** One approver's task in one approval step. */
export const approvalTasks = sqliteTable(
  'approval_tasks',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    stateId: text('state_id').notNull(),
    stepId: text('step_id').notNull(),
    approver: text('approver', { mode: 'json' }).$type<Recipient>().notNull(),
    status: text('status').$type<ApprovalTaskStatus>().notNull().default('open'),
    decidedBy: text('decided_by'),
    decision: text('decision').$type<'approve' | 'reject' | 'delegate'>(),
    comment: text('comment'),
    delegatedTo: text('delegated_to'),
    createdAt: integer('created_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  (t) => [
    index('approval_tasks_instance_step').on(t.instanceId, t.stateId, t.stepId),
    index('approval_tasks_open').on(t.status).where(sql`status = 'open'`),
  ],
);
