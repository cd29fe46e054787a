import type { z } from 'zod';
import { migrateSpec, SpecMigrationError } from './migrations.ts';
import { CURRENT_SCHEMA_VERSION, WorkflowSpec } from './workflowSpec.ts';

/** A problem with the shape of a spec, located by a JSON path such as `states[2].on[0].target`. */
export interface SpecIssue {
  path: string;
  message: string;
}

export type ParseSpecResult = { ok: true; spec: WorkflowSpec } | { ok: false; issues: SpecIssue[] };

/** Formats a zod path as `states[2].on[0].target`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function toIssues(error: z.ZodError): SpecIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Migrates and validates untrusted input into a {@link WorkflowSpec}; never throws. */
export function parseSpec(input: unknown): ParseSpecResult {
  let migrated: unknown;
  try {
    migrated = migrateSpec(input, CURRENT_SCHEMA_VERSION);
  } catch (error) {
    if (error instanceof SpecMigrationError)
      return { ok: false, issues: [{ path: 'schemaVersion', message: error.message }] };
    throw error;
  }
  const result = WorkflowSpec.safeParse(migrated);
  return result.success ? { ok: true, spec: result.data } : { ok: false, issues: toIssues(result.error) };
}
