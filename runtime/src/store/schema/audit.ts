import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instances } from './instances.ts';

/**
 * The audit log. Append-only (triggers abort UPDATE and DELETE). JSON columns hold canonical JSON
 * text written by `appendAuditEntry`, so verification hashes the stored bytes without re-parsing.
 */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    /** Position in the instance's chain, from 0 without gaps. */
    idx: integer('idx').notNull(),
    workflowId: text('workflow_id').notNull(),
    versionId: text('version_id').notNull(),
    /** ISO-8601 UTC. */
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    contextPatch: text('context_patch'),
    note: text('note'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_entries_instance_idx').on(t.instanceId, t.idx)],
);

/** Periodic Merkle roots over every instance's chain head, so removing a whole chain is detected. */
export const checkpoints = sqliteTable(
  'checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Epoch milliseconds. */
    at: integer('at').notNull(),
    root: text('root').notNull(),
    /** Number of leaves (instance heads). */
    size: integer('size').notNull(),
    /** `[instanceId, idx, hash][]` in the leaf order the root was computed over. */
    heads: text('heads', { mode: 'json' }).$type<[string, number, string][]>().notNull(),
  },
  (t) => [index('checkpoints_at').on(t.at)],
);
