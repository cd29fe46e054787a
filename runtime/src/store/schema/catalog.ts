import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ForkOrigin, JsonValue, WorkflowSpec } from '../../model/index.ts';

/** A JSON object as stored in a json column (definitions, snapshots, payloads). */
export type JsonObject = { [key: string]: JsonValue };

/** Which version new instances of a workflow start on; `pilot` routes an audience to another version. */
export interface WorkflowRouting {
  /** The version id new instances use unless the pilot rule matches; null before the first publish. */
  defaultVersion: string | null;
  pilot?: {
    versionId: string;
    businessUnits?: string[];
    departments?: string[];
    /** Deterministic share of subjects (0–100), hashed from the subject id. */
    percentage?: number;
  };
}

/** Workflows: the editable draft plus routing. Published content lives in `versions`. */
export const workflows = sqliteTable(
  'workflows',
  {
    id: text('id').primaryKey(),
    businessUnit: text('business_unit'),
    name: text('name').notNull(),
    /** The draft may be invalid while TA ops edit it, so it is stored as plain JSON. */
    draftSpec: text('draft_spec', { mode: 'json' }).$type<JsonValue>().notNull(),
    /** Bumped on every draft save; saves carry the revision they edited (optimistic concurrency). */
    draftRevision: integer('draft_revision').notNull().default(0),
    routing: text('routing', { mode: 'json' })
      .$type<WorkflowRouting>()
      .notNull()
      .default({ defaultVersion: null }),
    forkedFrom: text('forked_from', { mode: 'json' }).$type<ForkOrigin>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('workflows_business_unit').on(t.businessUnit)],
);

/** Published versions. Immutable: triggers abort UPDATE and DELETE. */
export const versions = sqliteTable(
  'versions',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id),
    number: integer('number').notNull(),
    /** sha256 of the canonical spec; publishing unchanged content finds the existing version by it. */
    hash: text('hash').notNull(),
    spec: text('spec', { mode: 'json' }).$type<WorkflowSpec>().notNull(),
    definition: text('definition', { mode: 'json' }).$type<JsonObject>().notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: integer('published_at').notNull(),
    changelog: text('changelog').notNull().default(''),
  },
  (t) => [
    uniqueIndex('versions_workflow_number').on(t.workflowId, t.number),
    uniqueIndex('versions_workflow_hash').on(t.workflowId, t.hash),
  ],
);

/**
 * The people and things instances are about, under a pseudonymous id. PII lives only here so an
 * erasure request clears `pii` without touching the audit log.
 */
export const subjects = sqliteTable('subjects', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  pii: text('pii', { mode: 'json' }).$type<JsonObject>(),
  erasedAt: integer('erased_at'),
});
