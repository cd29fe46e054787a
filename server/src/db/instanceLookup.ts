import { and, eq, sql } from 'drizzle-orm';
import { type HireflowDb, runtimeSchema } from '../runtime.ts';

const { instances, subjects } = runtimeSchema;

/**
 * The active instances of a workflow whose subject is the ATS object `externalRef` (the engine keeps
 * it in the subject's record when an instance starts). Several when a candidate was restarted.
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
      and(
        eq(instances.workflowId, workflowId),
        eq(instances.status, 'active'),
        sql`json_extract(${subjects.pii}, '$.externalRef') = ${externalRef}`,
      ),
    )
    .all();
}
