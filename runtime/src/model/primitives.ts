import { z } from 'zod';

/** Identifier of a state, step, timer or transition: lowercase words joined by `_` or `-`. */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'use lowercase letters, digits, "_" or "-", starting with a letter');
export type Id = z.infer<typeof Id>;

/** Event names are SCREAMING_SNAKE_CASE, optionally dotted (`APPROVAL.DECIDE`). */
export const EventName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/, 'use UPPER_SNAKE_CASE, e.g. ADVANCE or REJECT');
export type EventName = z.infer<typeof EventName>;

/** A dotted path into the instance context, e.g. `compensation.base`. */
export const FieldPath = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/, 'use a dotted field path like offer.sentAt');
export type FieldPath = z.infer<typeof FieldPath>;

/** A role name. The system roles are listed in {@link SYSTEM_ROLES}; organisations may add their own. */
export const RoleName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'use a lowercase role name like hrbp');
export type RoleName = z.infer<typeof RoleName>;

/** Roles every Hireflow installation knows. */
export const SYSTEM_ROLES = [
  'admin',
  'designer',
  'recruiter',
  'hiring_manager',
  'hrbp',
  'approver',
  'auditor',
] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Who receives a notification, an assignment or an approval task: a role or one named user. */
export const Recipient = z.union([
  z.strictObject({ role: RoleName }),
  z.strictObject({ user: z.string().min(1).max(200) }),
]);
export type Recipient = z.infer<typeof Recipient>;

/** A CEL expression, checked against the context schema by the compiler. */
export const CelExpression = z.string().min(1, 'the expression is empty').max(2000);

/** Units a duration can be given in. Business units skip weekends, holidays and off-hours. */
export const DURATION_UNITS = ['businessDays', 'businessHours', 'days', 'hours', 'minutes'] as const;
export const Duration = z.strictObject({
  amount: z.number().positive('must be more than zero').max(10_000),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof Duration>;

/** A JSON value as it may appear in a context field. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue),
    z.record(z.string(), JsonValue),
  ]),
);
