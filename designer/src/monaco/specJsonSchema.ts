import { WorkflowSpec } from '@hireflow/runtime/model';
import { z } from 'zod';

let cached: unknown;

/** JSON Schema of the spec, generated from the same zod schema the compiler validates with. */
export function specJsonSchema(): unknown {
  cached ??= z.toJSONSchema(WorkflowSpec, { io: 'input', unrepresentable: 'any', cycles: 'ref' });
  return cached;
}
