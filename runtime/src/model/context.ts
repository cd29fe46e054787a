import { z } from 'zod';
import { FieldPath, JsonValue } from './primitives.ts';

/** Types a context field can have; they map one-to-one onto CEL types for guard checking. */
export const FIELD_TYPES = ['string', 'int', 'double', 'bool', 'timestamp', 'string[]'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One typed field of an instance's context. */
export const ContextField = z.strictObject({
  type: z.enum(FIELD_TYPES),
  description: z.string().max(500).optional(),
  /** Allowed values of a `string` field (shown as a dropdown in the designer). */
  enum: z.array(z.string()).optional(),
  /** Personal data: kept out of audit entries and erased on request. */
  pii: z.boolean().optional(),
  default: JsonValue.optional(),
});
export type ContextField = z.infer<typeof ContextField>;

/**
 * The typed context schema, keyed by dotted path (`candidate.source`, `compensation.base`).
 * Guards are type-checked against it and the designer autocompletes from it.
 */
export const ContextSchema = z.record(FieldPath, ContextField);
export type ContextSchema = z.infer<typeof ContextSchema>;
