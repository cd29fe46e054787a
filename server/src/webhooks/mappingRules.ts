import type { ContextSchema } from '@hireflow/runtime/model';
import type { FieldError } from '../http/ProblemError.ts';
import { isUnderAny, parsePayloadPath } from './payloadPath.ts';
import type { ContextMapping } from './startContext.ts';

/** A mapping as the API receives it (see `webhookAdminRoutes.ts`). */
export interface MappingInput {
  workflowEvent: string | null;
  startIfMissing: boolean;
  context: readonly ContextMapping[];
}

/**
 * What is wrong with the mapping at `items[index]`, as field errors for a 422: a mapping must do
 * something; context is read only when it starts instances; every target field must exist in the
 * workflow's context schema; and a payload path holding candidate personal data may only feed a field
 * marked `pii` (so it lands in the erasable subject record, not in the instance or the audit log).
 */
export function checkMapping(
  mapping: MappingInput,
  index: number,
  schema: ContextSchema,
  personalDataPaths: readonly string[],
): FieldError[] {
  const at = `items[${index}]`;
  const errors: FieldError[] = [];
  if (mapping.workflowEvent === null && !mapping.startIfMissing)
    errors.push({ path: `${at}.workflowEvent`, message: 'give an event to send, or set startIfMissing' });
  if (mapping.context.length > 0 && !mapping.startIfMissing)
    errors.push({ path: `${at}.context`, message: 'context is only read when the mapping starts instances' });
  const seen = new Set<string>();
  mapping.context.forEach((entry, j) => {
    const here = `${at}.context[${j}]`;
    const field = Object.hasOwn(schema, entry.field) ? schema[entry.field] : undefined;
    if (!field)
      errors.push({ path: `${here}.field`, message: `this workflow has no context field "${entry.field}"` });
    if (seen.has(entry.field))
      errors.push({ path: `${here}.field`, message: `"${entry.field}" is mapped twice` });
    seen.add(entry.field);
    const path = parsePayloadPath(entry.path);
    if (typeof path === 'string') errors.push({ path: `${here}.path`, message: path });
    else if (field && !field.pii && isUnderAny(path, personalDataPaths))
      errors.push({
        path: `${here}.field`,
        message: `${entry.path} holds the candidate's personal data: map it only into a field marked pii`,
      });
  });
  return errors;
}
