import { randomBytes } from 'node:crypto';
import type { ForkOrigin, WorkflowSpec } from '@hireflow/runtime/model';

/** A fresh id for a fork: the source id plus a short random suffix, within the 64-character id limit. */
export function forkId(sourceId: string): string {
  return `${sourceId.slice(0, 52)}-${randomBytes(4).toString('hex')}`;
}

/**
 * The spec of a fork: a copy of `source` under a new id, name and business unit, remembering where it
 * came from so the designer can show "changes upstream" and compare.
 */
export function forkSpec(
  source: WorkflowSpec,
  origin: ForkOrigin,
  target: { id?: string | undefined; name?: string | undefined; businessUnit: string },
): WorkflowSpec {
  const spec = structuredClone(source);
  spec.id = target.id ?? forkId(source.id);
  spec.name = target.name ?? source.name;
  spec.businessUnit = target.businessUnit;
  spec.forkedFrom = origin;
  return spec;
}
