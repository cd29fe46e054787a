import { sha256Hex } from '../compiler/index.ts';
import type { WorkflowRouting } from '../store/index.ts';

/** Where a new instance lands: in the pilot audience or on the default version. */
export interface RoutingInput {
  businessUnit: string;
  department?: string | undefined;
  subjectId: string;
}

/**
 * A stable bucket 0–99 for a subject: the same candidate always lands on the same side of a
 * percentage pilot, whatever the process or the order of arrival.
 */
export function subjectBucket(subjectId: string, salt: string): number {
  return Number.parseInt(sha256Hex(`${salt}:${subjectId}`).slice(0, 8), 16) % 100;
}

/** The version id a new instance starts on, or null when nothing is published yet. */
export function routeVersion(
  routing: WorkflowRouting,
  input: RoutingInput,
  workflowId: string,
): string | null {
  const pilot = routing.pilot;
  if (pilot) {
    const inUnit = pilot.businessUnits?.includes(input.businessUnit) ?? false;
    const inDepartment =
      input.department !== undefined && (pilot.departments?.includes(input.department) ?? false);
    const inShare =
      pilot.percentage !== undefined && subjectBucket(input.subjectId, workflowId) < pilot.percentage;
    if (inUnit || inDepartment || inShare) return pilot.versionId;
  }
  return routing.defaultVersion;
}
