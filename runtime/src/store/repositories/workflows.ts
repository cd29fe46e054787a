import { and, asc, eq, sql } from 'drizzle-orm';
import type { ForkOrigin, JsonValue } from '../../model/index.ts';
import type { HireflowDb } from '../openDatabase.ts';
import { preparedFor } from '../prepared.ts';
import { isUniqueViolation, StoreError } from '../StoreError.ts';
import { type WorkflowRouting, workflows } from '../schema/index.ts';

/** A workflow as stored: draft, routing, fork origin. */
export type WorkflowRow = typeof workflows.$inferSelect;

/** What {@link createWorkflow} needs. */
export interface NewWorkflow {
  id: string;
  name: string;
  businessUnit?: string | null;
  draftSpec: JsonValue;
  routing?: WorkflowRouting;
  forkedFrom?: ForkOrigin | null;
  /** Epoch milliseconds. */
  now: number;
}

const statements = preparedFor(({ orm }) => ({
  get: orm
    .select()
    .from(workflows)
    .where(eq(workflows.id, sql.placeholder('id')))
    .prepare(),
}));

/**
 * Creates a workflow with draft revision 0.
 * @throws StoreError `STORE_CONFLICT` when the id is taken.
 */
export function createWorkflow(db: HireflowDb, workflow: NewWorkflow): WorkflowRow {
  try {
    return db.orm
      .insert(workflows)
      .values({
        id: workflow.id,
        name: workflow.name,
        businessUnit: workflow.businessUnit ?? null,
        draftSpec: workflow.draftSpec,
        routing: workflow.routing ?? { defaultVersion: null },
        forkedFrom: workflow.forkedFrom ?? null,
        createdAt: workflow.now,
        updatedAt: workflow.now,
      })
      .returning()
      .get();
  } catch (cause) {
    if (isUniqueViolation(cause)) {
      throw new StoreError('STORE_CONFLICT', `workflow ${workflow.id} already exists`, { cause });
    }
    throw cause;
  }
}

/** The workflow with this id, or undefined. */
export function getWorkflow(db: HireflowDb, id: string): WorkflowRow | undefined {
  return statements(db).get.get({ id });
}

/**
 * Saves a draft edited from `expectedRevision`. Returns false (and writes nothing) when someone
 * saved in between, so the designer can reload instead of overwriting a colleague's edit.
 */
export function updateDraft(
  db: HireflowDb,
  id: string,
  expectedRevision: number,
  draft: { draftSpec: JsonValue; name?: string; now: number },
): boolean {
  const result = db.orm
    .update(workflows)
    .set({
      draftSpec: draft.draftSpec,
      ...(draft.name === undefined ? {} : { name: draft.name }),
      draftRevision: sql`${workflows.draftRevision} + 1`,
      updatedAt: draft.now,
    })
    .where(and(eq(workflows.id, id), eq(workflows.draftRevision, expectedRevision)))
    .run();
  return result.changes === 1;
}

/** Replaces the routing (default and pilot version); returns false when the workflow does not exist. */
export function setRouting(db: HireflowDb, id: string, routing: WorkflowRouting, now: number): boolean {
  const result = db.orm.update(workflows).set({ routing, updatedAt: now }).where(eq(workflows.id, id)).run();
  return result.changes === 1;
}

/** Workflows ordered by id, optionally of one business unit. */
export function listWorkflows(db: HireflowDb, filter: { businessUnit?: string } = {}): WorkflowRow[] {
  const query = db.orm.select().from(workflows);
  const where =
    filter.businessUnit === undefined ? undefined : eq(workflows.businessUnit, filter.businessUnit);
  return query.where(where).orderBy(asc(workflows.id)).all();
}
