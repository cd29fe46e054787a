import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type HireflowDb, runtimeSchema } from '../runtime.ts';

const { instances, subjects } = runtimeSchema;

/**
 * The ATS reference of a subject: the engine keeps it in the subject's erasable record when an
 * instance starts, so an erased subject is no longer found by its ATS id.
 */
const externalRefIs = (externalRef: string): SQL =>
  sql`json_extract(${subjects.pii}, '$.externalRef') = ${externalRef}`;

/**
 * The active instances of a workflow whose subject is the ATS object `externalRef`. Several when a
 * candidate was restarted.
 */
export function findInstancesByExternalRef(
  db: HireflowDb,
  workflowId: string,
  externalRef: string,
): { id: string; businessUnit: string }[] {
  return db.orm
    .select({ id: instances.id, businessUnit: instances.businessUnit })
    .from(instances)
    .innerJoin(subjects, eq(subjects.id, instances.subjectId))
    .where(
      and(eq(instances.workflowId, workflowId), eq(instances.status, 'active'), externalRefIs(externalRef)),
    )
    .all();
}

/**
 * Ids of every instance (any workflow, any status, in id order) about the ATS object `externalRef`.
 * Unscoped: the caller reads each through the engine's access check.
 */
export function findInstanceIdsByExternalRef(db: HireflowDb, externalRef: string, limit: number): string[] {
  return db.orm
    .select({ id: instances.id })
    .from(instances)
    .innerJoin(subjects, eq(subjects.id, instances.subjectId))
    .where(externalRefIs(externalRef))
    .orderBy(instances.id)
    .limit(limit)
    .all()
    .map((row) => row.id);
}
